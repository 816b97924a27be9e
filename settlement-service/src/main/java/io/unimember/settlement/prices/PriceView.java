package io.unimember.settlement.prices;

import io.unimember.settlement.BenefitType;
import java.time.Instant;

/** A stored price version as admin sees it. */
record PriceView(
        long priceId,
        BenefitType benefitType,
        String fromBu,
        String toBu,
        int rateBp,
        Instant effectiveFrom,
        Instant createdAt,
        String createdBy) {}
