package io.unimember.coupon.templates;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.unimember.coupon.terms.Kind;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A template as admins and its funding BU see it, with how much of its stock and budget is used. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TemplateView(
        String templateId,
        String name,
        Kind kind,
        long discountFen,
        @Nullable Integer percentOff,
        @Nullable Long maxDiscountFen,
        long minSpendFen,
        List<String> scenes,
        String fundingBu,
        @Nullable Integer validDays,
        @Nullable Instant validFrom,
        @Nullable Instant validTo,
        long totalQuantity,
        int perMemberLimit,
        long budgetFen,
        boolean claimable,
        long issued,
        long budgetUsedFen,
        Instant createdAt) {

    static TemplateView of(Template t) {
        return new TemplateView(
                t.id(),
                t.name(),
                t.terms().kind(),
                t.terms().faceValueFen(),
                t.terms().percentOff(),
                t.terms().maxDiscountFen(),
                t.terms().minSpendFen(),
                t.terms().scenes(),
                t.fundingBu(),
                t.validDays(),
                t.validFrom(),
                t.validTo(),
                t.totalQuantity(),
                t.perMemberLimit(),
                t.budgetFen(),
                t.claimable(),
                t.issued(),
                t.budgetUsedFen(),
                t.createdAt());
    }
}
