package io.unimember.settlement.reconciliation;

import io.unimember.settlement.BenefitType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One (event, owing party, owed party) as the producing service reported it, party codes as written. A refund's
 * reversal has a negative face and counts as minus one; its usage time is that of the redemption it reverses, found
 * when it is recorded ({@link TallyRepository#record}).
 */
record ReportedRedemption(
        UUID eventId,
        BenefitType benefitType,
        String fromBu,
        String toBu,
        long faceFen,
        String sourceRef,
        @Nullable String orderRef,
        Instant usedAt,
        String usagePeriod,
        String reportedBy) {}
