package io.unimember.settlement.journal;

import io.unimember.settlement.BenefitType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A journal line of one party as its statement shows it, with what was used and the price applied.
 *
 * @param amountFen positive: the counterparty owes the party; negative: the party owes the counterparty
 */
public record StatementLine(
        long lineId,
        long postingId,
        String eventId,
        BenefitType benefitType,
        String sourceRef,
        @Nullable String orderRef,
        Instant usedAt,
        String usagePeriod,
        String counterparty,
        Account account,
        long faceFen,
        int rateBp,
        long amountFen) {}
