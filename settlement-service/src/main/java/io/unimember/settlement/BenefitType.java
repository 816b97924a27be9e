package io.unimember.settlement;

/** What was used and has to be settled: a 神券 coupon's discount, or points (face value one fen each). */
public enum BenefitType {
    COUPON,
    POINTS
}
