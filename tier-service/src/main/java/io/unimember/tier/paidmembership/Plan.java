package io.unimember.tier.paidmembership;

import io.unimember.common.events.MembershipTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A paid membership plan as admins write it and everyone reads it (design §13). The rules across fields (one of
 * {@code minTier}/{@code minGrowth}, the fields each benefit type needs, a split summing to 10000) are {@link
 * PlanValidation}'s.
 */
record Plan(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}") String code,
        @NotBlank @Size(max = 64) String name,
        @NotNull Period period,
        @Positive @Max(100_000_000) long priceFen,
        @NotNull @Size(max = 10) List<@Valid @NotNull Discount> discounts,
        @NotNull @Size(max = 20) List<@Valid @NotNull Benefit> benefits,
        @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Split> revenueSplit) {

    enum Period {
        MONTH(1),
        QUARTER(3),
        YEAR(12);

        final int months;

        Period(int months) {
            this.months = months;
        }
    }

    /** A lower price for members at {@code minTier} or above, or with rolling growth of at least {@code minGrowth}. */
    record Discount(
            @Nullable @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String minTier,
            @Nullable @PositiveOrZero Long minGrowth,
            @Positive long priceFen) {}

    enum BenefitType {
        MONTHLY_COUPONS,
        POINTS_MULTIPLIER,
        COUNTED,
        PARTNER
    }

    /**
     * One benefit; which fields it has depends on its type. {@code faceValueFen} is what one use of a COUNTED
     * benefit is worth (a free delivery: its delivery fee), which a refund after use deducts.
     */
    record Benefit(
            @NotNull BenefitType type,
            @Nullable @Size(max = 64) String templateId,
            @Nullable @Min(1) @Max(50) Integer count,
            @Nullable @Min(10_000) @Max(50_000) Integer multiplierBp,
            @Nullable @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String benefit,
            @Nullable @Min(1) @Max(1000) Integer perMonth,
            @Nullable @PositiveOrZero @Max(1_000_000) Long faceValueFen,
            @Nullable @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String bu) {

        /** The template of a MONTHLY_COUPONS or PARTNER benefit, which {@link PlanValidation} requires of them. */
        String templateIdOrThrow() {
            return required(templateId, "templateId");
        }

        /** The coupons a month of a MONTHLY_COUPONS benefit, which {@link PlanValidation} requires of it. */
        int countOrThrow() {
            return required(count, "count");
        }

        /** The code of a COUNTED benefit, which {@link PlanValidation} requires of it. */
        String benefitOrThrow() {
            return required(benefit, "benefit");
        }

        /** The uses a month of a COUNTED benefit, which {@link PlanValidation} requires of it. */
        int perMonthOrThrow() {
            return required(perMonth, "perMonth");
        }

        private <T> T required(@Nullable T value, String field) {
            if (value == null) {
                throw new IllegalStateException(
                        "a " + type + " benefit without " + field + ": PlanValidation refuses one");
            }
            return value;
        }
    }

    /** A BU's share of the plan's revenue, in basis points. */
    record Split(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String bu, @Min(1) @Max(10_000) int basisPoints) {}

    /** The plan's points multiplier in basis points; 10000 (none) without a POINTS_MULTIPLIER benefit. */
    int multiplierBp() {
        return benefits.stream()
                .filter(b -> b.type() == BenefitType.POINTS_MULTIPLIER && b.multiplierBp() != null)
                .mapToInt(Benefit::multiplierBp)
                .findFirst()
                .orElse(10_000);
    }

    /**
     * The coupons a month brings: each MONTHLY_COUPONS pack, and one of each PARTNER benefit's template, naming the
     * BU that funds it.
     */
    List<MembershipTerms.CouponPack> couponPacks() {
        return benefits.stream()
                .filter(b -> b.type() == BenefitType.MONTHLY_COUPONS || b.type() == BenefitType.PARTNER)
                .map(b -> b.type() == BenefitType.PARTNER
                        ? new MembershipTerms.CouponPack(b.templateIdOrThrow(), 1, b.bu())
                        : new MembershipTerms.CouponPack(b.templateIdOrThrow(), b.countOrThrow()))
                .toList();
    }

    List<Benefit> counted() {
        return benefits.stream().filter(b -> b.type() == BenefitType.COUNTED).toList();
    }

    Optional<Benefit> counted(String benefit) {
        return counted().stream().filter(b -> benefit.equals(b.benefit())).findFirst();
    }
}
