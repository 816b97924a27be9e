package io.unimember.coupon.claims;

import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.idempotency.IdempotentResult;
import io.unimember.common.openapi.Creates;
import io.unimember.common.risk.RiskDecision;
import io.unimember.common.risk.RiskOutcome;
import io.unimember.common.risk.Signals;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.coupons.CouponView;
import io.unimember.coupon.issuing.OnceIssuer;
import io.unimember.coupon.issuing.OnceIssuer.Once;
import io.unimember.coupon.risk.CouponRisk;
import io.unimember.coupon.templates.Template;
import io.unimember.coupon.templates.Templates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member claims a coupon. The {@code Idempotency-Key} is stored in the claim's transaction, so a retry after a
 * lost response (or a restart) gets the original coupon and never a second one.
 */
@RestController
class ClaimController {

    private final Templates templates;
    private final OnceIssuer issuing;
    private final CouponRisk risk;
    private final ClaimMetrics metrics;

    ClaimController(Templates templates, OnceIssuer issuing, CouponRisk risk, ClaimMetrics metrics) {
        this.templates = templates;
        this.risk = risk;
        this.issuing = issuing;
        this.metrics = metrics;
    }

    /**
     * Claims a coupon of a claimable template for the calling member. The Idempotency-Key header is required (else 400
     * IDEMPOTENCY_KEY_REQUIRED): a retry with it answers the original coupon, never a second one, and the key reused
     * for another template is 409 IDEMPOTENCY_CONFLICT. An unknown or unclaimable template is 404 TEMPLATE_NOT_FOUND;
     * the per-member limit, stock, budget and validity refuse with 409 COUPON_LIMIT_REACHED, COUPON_SOLD_OUT,
     * BUDGET_EXHAUSTED or TEMPLATE_EXPIRED, and 503 ISSUING_BUSY changed nothing: retry with the same key. Risk
     * control may refuse the claim (403 RISK_DENIED; a frozen member gets 403 MEMBER_FROZEN) or park it: 202 with the
     * coupon PENDING_REVIEW, usable once an operator approves. Send the app's device fingerprint as X-Device-Id.
     */
    @PostMapping("/api/v1/coupons/claims")
    @Creates(
            value = "the coupon is claimed",
            accepted = "risk control parked the claim: the coupon is PENDING_REVIEW until an operator approves")
    @PreAuthorize("hasAuthority('SCOPE_member')")
    ResponseEntity<CouponView> claim(
            Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody ClaimRequest request,
            HttpServletRequest http) {
        if (key == null) {
            throw ApiException.badRequest(
                    "IDEMPOTENCY_KEY_REQUIRED", "a claim needs an Idempotency-Key header, so it can be retried safely");
        }
        Idempotency.requireValidKey(key);
        try {
            IdempotentResult<CouponView> result = issue(caller.memberId(), key, request, http);
            if (!result.replayed()) {
                metrics.issued(); // the claim's transaction has committed: it ran inside issue()
            }
            return ResponseEntity.status(result.status()).body(result.body());
        } catch (ApiException refused) {
            metrics.refused(refused.code());
            throw refused;
        }
    }

    private IdempotentResult<CouponView> issue(
            String memberId, String key, ClaimRequest request, HttpServletRequest http) {
        Template template = templates
                .findForIssuing(request.templateId())
                .filter(Template::claimable)
                .orElseThrow(() -> ApiException.notFound("TEMPLATE_NOT_FOUND", "no claimable coupon template"));
        Once once = new Once(Channel.CLAIM, "claim:" + memberId, key, request);
        var exhausted = issuing.knownRefusal(template.id());
        if (exhausted.isPresent() && !issuing.alreadyUsed(once)) {
            // what MySQL already answered for good; a retry of an earlier claim still gets its original answer below
            throw exhausted.get().toException();
        }
        RiskDecision decision = risk.atClaim(Signals.of(http, memberId));
        if (decision.outcome() == RiskOutcome.DENY && !issuing.alreadyUsed(once)) {
            throw risk.refuse(decision, memberId, "claim:" + template.id());
        }
        // a retry of an earlier claim gets its first answer, whatever was decided now
        return issuing.issueOnce(template, memberId, once, CouponView::forOwner, decision);
    }
}
