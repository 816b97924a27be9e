package io.unimember.settlement;

/**
 * What was used and has to be settled: a 神券 coupon's discount, or points (face value one fen each); or what was
 * sold: paid membership revenue, which the BU that took the payment owes the BUs sharing it (decision 0041).
 */
public enum BenefitType {
    COUPON,
    POINTS,
    MEMBERSHIP
}
