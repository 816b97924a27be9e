package io.unimember.coupon.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** One action of a campaign: GRANT_COUPON {templateId}, BONUS_POINTS {points | multiplierBp, windowDays?}, BONUS_GROWTH {growth}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(
        @NotNull ActionType type,
        @Nullable @Size(max = 64) String templateId,
        @Nullable @Positive @Max(1_000_000) Long points,
        @Nullable @Min(10_001) @Max(100_000) Integer multiplierBp,
        @Nullable @Min(1) @Max(365) Integer windowDays,
        @Nullable @Positive @Max(1_000_000) Long growth) {}
