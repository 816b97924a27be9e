package io.unimember.coupon.exchanges;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.unimember.common.openapi.Creates;
import io.unimember.common.risk.Signals;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.coupon.risk.CouponRisk;
import io.unimember.coupon.templates.Template;
import io.unimember.coupon.templates.Templates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member exchanges points for a 神券. The exchange runs as a saga with points-service; the request waits up to
 * {@code answerWithin} for it: {@code 201} with the coupon, the refusal as a problem ({@code 409 POINTS_INSUFFICIENT},
 * {@code COUPON_SOLD_OUT}, ...), or {@code 202 PENDING} to be read again with the same exchangeId or by GET.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_member')")
class ExchangeController {

    private final Templates templates;
    private final ExchangeSaga saga;
    private final Exchanges exchanges;
    private final ExchangeProperties properties;
    private final CouponRisk risk;

    ExchangeController(
            Templates templates,
            ExchangeSaga saga,
            Exchanges exchanges,
            ExchangeProperties properties,
            CouponRisk risk) {
        this.templates = templates;
        this.risk = risk;
        this.saga = saga;
        this.exchanges = exchanges;
        this.properties = properties;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExchangeView(
            String exchangeId,
            String templateId,
            String status,
            @Nullable String couponId,
            long pointsSpent,
            @Nullable String reason) {}

    /**
     * Exchanges the calling member's points for a 神券. The template needs a points price (else 409
     * TEMPLATE_NOT_EXCHANGEABLE; an unknown one is 404 TEMPLATE_NOT_FOUND). The exchangeId is the member's idempotency
     * key: sending it again answers the exchange as it stands, and using it for another template is 409
     * EXCHANGE_ID_REUSED. The request waits a few seconds for the exchange with points-service: 201 with the coupon,
     * 409 with why it failed (POINTS_INSUFFICIENT, COUPON_SOLD_OUT and the like; no points are spent), or 202 PENDING,
     * to be read again with GET or the same exchangeId. Risk control may refuse it (403 RISK_DENIED; a frozen member
     * gets 403 MEMBER_FROZEN) or park it before any point moves: 202 PENDING_REVIEW until an operator decides.
     */
    @PostMapping("/api/v1/coupons/exchanges")
    @Creates(
            value = "the points are spent and the coupon is issued",
            accepted = "PENDING: still running, read it again; PENDING_REVIEW: parked by risk control, no point moved")
    ResponseEntity<ExchangeView> exchange(
            Caller caller, @Valid @RequestBody ExchangeRequest request, HttpServletRequest http) {
        String member = caller.memberId();
        Template template = templates
                .findForIssuing(request.templateId())
                .orElseThrow(() -> ApiException.notFound("TEMPLATE_NOT_FOUND", "no such coupon template"));
        if (template.pointsPrice() == null) {
            throw ApiException.conflict("TEMPLATE_NOT_EXCHANGEABLE", "this coupon cannot be had for points");
        }
        Optional<Exchange> earlier = exchanges.find(member, request.exchangeId());
        Exchange e = earlier.isPresent()
                ? earlier.get() // the exchangeId again: the exchange as it stands, decided before
                : saga.request(
                        member,
                        request.exchangeId(),
                        template,
                        template.pointsPrice(),
                        risk.atExchange(Signals.of(http, member), request.exchangeId()));
        if (!e.templateId().equals(request.templateId())) {
            throw ApiException.conflict(
                    "EXCHANGE_ID_REUSED", "this exchangeId was used for another template; use a new one");
        }
        return answer(awaitResolved(e));
    }

    /** Where the exchange stands: ISSUED (with the coupon), PENDING, or FAILED with why (no points were spent). */
    @GetMapping("/api/v1/coupons/exchanges/{exchangeId}")
    ExchangeView get(Caller caller, @PathVariable @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$") String exchangeId) {
        Exchange e = exchanges
                .find(caller.memberId(), exchangeId)
                .orElseThrow(() -> ApiException.notFound("EXCHANGE_NOT_FOUND", "no such exchange"));
        return switch (e.status()) {
            case ISSUED -> new ExchangeView(e.exchangeId(), e.templateId(), "ISSUED", e.couponId(), e.points(), null);
            case REQUESTED -> new ExchangeView(e.exchangeId(), e.templateId(), "PENDING", null, 0, null);
            case PENDING_REVIEW -> new ExchangeView(e.exchangeId(), e.templateId(), "PENDING_REVIEW", null, 0, null);
            case FAILED -> new ExchangeView(e.exchangeId(), e.templateId(), "FAILED", null, 0, e.reason());
        };
    }

    private Exchange awaitResolved(Exchange e) {
        long deadline = System.nanoTime() + properties.answerWithin().toNanos();
        Exchange now = e;
        while (now.status() == ExchangeStatus.REQUESTED && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            now = exchanges.find(e.memberId(), e.exchangeId()).orElse(now);
        }
        return now;
    }

    private static ResponseEntity<ExchangeView> answer(Exchange e) {
        return switch (e.status()) {
            case ISSUED ->
                ResponseEntity.status(HttpStatus.CREATED)
                        .body(new ExchangeView(
                                e.exchangeId(), e.templateId(), "ISSUED", e.couponId(), e.points(), null));
            case REQUESTED ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new ExchangeView(e.exchangeId(), e.templateId(), "PENDING", null, 0, null));
            case PENDING_REVIEW ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new ExchangeView(e.exchangeId(), e.templateId(), "PENDING_REVIEW", null, 0, null));
            case FAILED ->
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        e.reason() == null ? "EXCHANGE_FAILED" : e.reason(),
                        "the exchange did not go through; no points were spent",
                        Map.of("exchangeId", e.exchangeId()));
        };
    }
}
