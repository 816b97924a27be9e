package io.unimember.coupon.templates;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.unimember.coupon.terms.TermsView;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A template as admins and its funding BU see it, with how much of its stock and budget is used. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TemplateView(
        String templateId,
        String name,
        @JsonUnwrapped TermsView terms,
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
        Instant createdAt,
        @Nullable Long pointsPrice) {

    static TemplateView of(Template t) {
        return new TemplateView(
                t.id(),
                t.name(),
                TermsView.of(t.terms()),
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
                t.createdAt(),
                t.pointsPrice());
    }
}
