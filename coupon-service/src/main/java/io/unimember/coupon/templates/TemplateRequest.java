package io.unimember.coupon.templates;

import io.unimember.coupon.terms.Kind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/admin/coupon-templates}. Per-field bounds are here; the rules that tie fields together (a
 * PERCENT coupon needs percentOff and a cap, validity is days or a window) are in {@link TemplateRules}. The upper
 * bounds only keep absurd numbers out: ¥10M off, a billion coupons, a ¥10B budget.
 *
 * @param claimable whether members may claim it themselves (default true); false for coupons only granted by a
 *     BU, a reward rule or the allotment
 * @param pointsPrice members may exchange this many points for one (积分兑券); null: not exchangeable
 */
record TemplateRequest(
        @NotBlank @Size(max = 64) String name,
        @NotNull Kind kind,
        @Nullable @Positive @Max(1_000_000_000L) Long discountFen,
        @Nullable @Min(1) @Max(99) Integer percentOff,
        @Nullable @Positive @Max(1_000_000_000L) Long maxDiscountFen,
        @Nullable @PositiveOrZero @Max(10_000_000_000L) Long minSpendFen,
        @NotEmpty @Size(max = 16) List<@NotBlank @Size(max = 32) String> scenes,
        @NotBlank @Size(max = 32) String fundingBu,
        @Nullable @Min(1) @Max(3650) Integer validDays,
        @Nullable Instant validFrom,
        @Nullable Instant validTo,
        @NotNull @Positive @Max(1_000_000_000L) Long totalQuantity,
        @NotNull @Positive @Max(1_000_000L) Integer perMemberLimit,
        @NotNull @Positive @Max(1_000_000_000_000L) Long budgetFen,
        @Nullable Boolean claimable,
        @Nullable @Positive @Max(100_000_000L) Long pointsPrice) {}
