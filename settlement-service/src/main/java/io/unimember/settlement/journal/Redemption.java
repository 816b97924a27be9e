package io.unimember.settlement.journal;

import io.unimember.settlement.BenefitType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A used benefit as the journal sees it: who owes whom how much face value, and when the benefit was used.
 *
 * @param sourceRef the coupon id, or the points hold id
 * @param claims one per (owing, owed) pair, in a fixed order
 */
record Redemption(
        UUID eventId,
        String eventType,
        BenefitType benefitType,
        String sourceRef,
        @Nullable String orderRef,
        String memberId,
        Instant usedAt,
        List<Claim> claims)
        implements JournalEntry {

    List<String> parties() {
        return claims.stream()
                .flatMap(c -> Stream.of(c.owing(), c.owed()))
                .distinct()
                .toList();
    }

    /** {@code owing} owes {@code owed} the face value {@code faceFen} (before the settlement price). */
    record Claim(String owing, String owed, long faceFen) {

        boolean crossParty() {
            return !owing.equals(owed);
        }
    }
}
