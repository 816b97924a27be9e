package io.unimember.points.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an accepted order; {@code capped} says the daily cap cut its points (growth is never capped).
 * {@code risk}, absent when the order earned as usual, says why risk control let it earn nothing for now.
 */
record OrderReceipt(
        String orderId,
        long pointsEarned,
        long growthEarned,
        boolean capped,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable OrderRisk risk) {

    OrderReceipt(String orderId, long pointsEarned, long growthEarned, boolean capped) {
        this(orderId, pointsEarned, growthEarned, capped, null);
    }
}
