package io.unimember.tier.tiers;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/admin/tiers/{code}}: everything about a tier an operator may change. The code and
 * rank stay; the multiplier is a decimal string ("1.2") so no binary fraction ever touches it.
 */
record TierUpdate(
        @NotBlank @Size(max = 32) String name,
        @NotNull @PositiveOrZero @Max(1_000_000_000L) Long growthThreshold,
        @NotBlank
                @Pattern(regexp = "\\d{1,2}(\\.\\d{1,2})?", message = "must be a decimal like 1.2")
                @DecimalMin(value = "0", inclusive = false)
                @DecimalMax("10.00")
                @Digits(integer = 2, fraction = 2)
                String pointsMultiplier,
        @NotNull @PositiveOrZero @Max(100) Integer monthlyCoupons) {}
