package io.unimember.coupon.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's trigger: its type and that type's parameters; which parameters a type takes is checked by {@link
 * CampaignRules}. The order parameters (bu, minAmountFen, category) narrow CROSS_BU's second order too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trigger(
        @NotNull TriggerType type,
        @Nullable @Size(max = 32) String bu,
        @Nullable @PositiveOrZero @Max(10_000_000_000L) Long minAmountFen,
        @Nullable @Size(max = 64) String category,
        @Nullable Boolean firstInBu,
        @Nullable @Min(1) @Max(10_000) Integer nthOrder,
        @Nullable @Size(max = 32) String fromBu,
        @Nullable @Size(max = 32) String toBu,
        @Nullable @Min(1) @Max(3650) Integer withinDays,
        @Nullable @Min(1) @Max(3650) Integer days,
        @Nullable @Size(max = 32) String toTier,
        @Nullable @Min(1) @Max(365) Integer daysBefore) {

    /** The BU whose orders fire it: bu for ORDER_COMPLETED (null = any), toBu for CROSS_BU. */
    @Nullable
    String orderBu() {
        return type == TriggerType.CROSS_BU ? toBu : bu;
    }
}
