package io.unimember.coupon.terms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A coupon's or a template's terms as clients see them, unwrapped into the coupon's and the template's JSON.
 * {@code discountFen} is the face value (FIXED) or the cap (PERCENT), or, for a given amount, the discount on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TermsView(
        Kind kind,
        long discountFen,
        @Nullable Integer percentOff,
        @Nullable Long maxDiscountFen,
        long minSpendFen,
        List<String> scenes) {

    /** The terms with their face value as the discount. */
    public static TermsView of(Terms terms) {
        return of(terms, terms.faceValueFen());
    }

    public static TermsView of(Terms terms, long discountFen) {
        return new TermsView(
                terms.kind(),
                discountFen,
                terms.percentOff(),
                terms.maxDiscountFen(),
                terms.minSpendFen(),
                terms.scenes());
    }
}
