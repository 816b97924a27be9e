package io.unimember.settlement.journal;

import io.unimember.settlement.BenefitType;

/**
 * What the journal holds for one (benefit, owing party, owed party) over the usages of a period.
 *
 * @param count redemptions posted (a reversal counts minus one)
 */
public record PairTotal(
        BenefitType benefitType, String fromBu, String toBu, long count, long faceFen, long amountFen) {}
