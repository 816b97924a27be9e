package io.unimember.coupon.grants;

import io.unimember.common.openapi.Creates;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.coupons.CouponView;
import io.unimember.coupon.issuing.OnceIssuer;
import io.unimember.coupon.issuing.OnceIssuer.Once;
import io.unimember.coupon.templates.Template;
import io.unimember.coupon.templates.Templates;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A BU grants a member a coupon it funds (a service recovery, a campaign prize). Only templates whose fundingBu is
 * the calling BU: a BU spends its own budget, never PLATFORM's or another BU's (decision 0026).
 * Idempotent on (BU, grantId); per-member limit, stock and budget hold as for claims.
 */
@RestController
class GrantController {

    private final Templates templates;
    private final OnceIssuer issuing;

    GrantController(Templates templates, OnceIssuer issuing) {
        this.templates = templates;
        this.issuing = issuing;
    }

    /**
     * Grants a member a coupon of a template the calling BU funds. For BU clients with bu:campaigns: a template funded
     * by PLATFORM or another BU is 403 TEMPLATE_NOT_OWNED, an unknown one 404 TEMPLATE_NOT_FOUND. The grantId is the
     * idempotency key within the BU: the same grant again answers the first coupon, a different one under the same id
     * is 409 IDEMPOTENCY_CONFLICT. The per-member limit, stock, budget and validity hold as for claims (409
     * COUPON_LIMIT_REACHED, COUPON_SOLD_OUT, BUDGET_EXHAUSTED, TEMPLATE_EXPIRED), and 503 ISSUING_BUSY changed nothing:
     * retry with the same grantId. The answer leaves out the coupon's code.
     */
    @PostMapping("/api/v1/bu/coupons/grants")
    @Creates("the coupon is granted")
    @PreAuthorize("hasAuthority('SCOPE_bu:campaigns')")
    ResponseEntity<CouponView> grant(Caller caller, @Valid @RequestBody GrantRequest request) {
        String bu = caller.bu();
        Template template = templates
                .findForIssuing(request.templateId())
                .orElseThrow(() -> ApiException.notFound("TEMPLATE_NOT_FOUND", "no such coupon template"));
        if (!template.fundingBu().equals(bu)) {
            throw ApiException.forbidden(
                    "TEMPLATE_NOT_OWNED", "a business unit may only grant coupons of templates it funds");
        }
        var once = new Once(Channel.GRANT, "grant:" + bu, request.grantId(), request);
        var result = issuing.issueOnce(template, request.memberId(), once, CouponView::withoutCode);
        return ResponseEntity.status(result.status()).body(result.body());
    }
}
