package io.unimember.coupon.issuing;

import io.unimember.common.web.ApiException;
import org.springframework.http.HttpStatus;

/** Why a coupon was not issued, with the problem code a client gets for it. */
public enum Refusal {
    TEMPLATE_EXPIRED(HttpStatus.CONFLICT, "TEMPLATE_EXPIRED", "the template's validity window has closed"),
    LIMIT_REACHED(HttpStatus.CONFLICT, "COUPON_LIMIT_REACHED", "the member already holds as many as allowed"),
    SOLD_OUT(HttpStatus.CONFLICT, "COUPON_SOLD_OUT", "every coupon of this template has been issued"),
    BUDGET_EXHAUSTED(HttpStatus.CONFLICT, "BUDGET_EXHAUSTED", "the template's budget cannot fund another coupon"),
    /** The funding BU's subsidy pool for the month is spent: not final, as a limit may be raised or a month begin. */
    POOL_EXHAUSTED(
            HttpStatus.CONFLICT,
            "BUDGET_EXHAUSTED",
            "the funding business unit's subsidy pool for this month is spent");

    private final HttpStatus status;
    private final String code;
    private final String detail;

    Refusal(HttpStatus status, String code, String detail) {
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    public ApiException toException() {
        return new ApiException(status, code, detail);
    }

    /** Refusals that stay true for good: no coupon of the template will ever be issued again. */
    boolean isFinal() {
        return this == SOLD_OUT || this == BUDGET_EXHAUSTED || this == TEMPLATE_EXPIRED;
    }
}
