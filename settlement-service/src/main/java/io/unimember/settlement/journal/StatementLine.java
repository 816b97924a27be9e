package io.unimember.settlement.journal;

import io.unimember.settlement.BenefitType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A journal line of one party as its statement shows it, with what was used and the price applied.
 *
 * @param eventType the source event: {@code coupon.redeemed}, {@code points.redeemed}, ... or a refund's
 *     {@code coupon.returned}, {@code points.refunded}
 * @param usagePeriod the period the benefit was used in: a reversal's is the original's, wherever it is booked
 * @param reversal the line undoes (part of) an earlier one: a refund's reversal, negative face value
 * @param amountFen positive: the counterparty owes the party; negative: the party owes the counterparty
 */
public record StatementLine(
        long lineId,
        long postingId,
        String eventId,
        String eventType,
        BenefitType benefitType,
        String sourceRef,
        @Nullable String orderRef,
        Instant usedAt,
        String usagePeriod,
        boolean reversal,
        String counterparty,
        Account account,
        long faceFen,
        int rateBp,
        long amountFen) {}
