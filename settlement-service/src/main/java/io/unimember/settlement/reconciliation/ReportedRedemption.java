package io.unimember.settlement.reconciliation;

import io.unimember.settlement.BenefitType;
import java.time.Instant;
import java.util.UUID;

/** One (event, owing party, owed party) as the producing service reported it, party codes as written. */
record ReportedRedemption(
        UUID eventId,
        BenefitType benefitType,
        String fromBu,
        String toBu,
        long faceFen,
        String sourceRef,
        Instant usedAt,
        String usagePeriod,
        String reportedBy) {}
