package io.unimember.settlement.prices;

import io.unimember.settlement.BenefitType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One price version: from {@code effectiveFrom} on, {@code fromBu} owes {@code toBu} {@code rateBp} basis points of
 * the face value of each {@code benefitType} used. At most 100%: the owing party never pays more than the member got.
 */
record PriceEntry(
        @NotNull BenefitType benefitType,
        @NotBlank @Size(max = 32) String fromBu,
        @NotBlank @Size(max = 32) String toBu,
        @NotNull @PositiveOrZero @Max(MAX_RATE_BP) Integer rateBp,
        @NotNull Instant effectiveFrom) {

    static final int MAX_RATE_BP = 10_000;
}
