package io.unimember.insight.members;

/** A member's RFM quintiles, 1 (lowest fifth) to 5 (highest); a member who never ordered scores 1, 1, 1. */
public record RfmScores(int r, int f, int m) {

    public static final RfmScores UNRANKED = new RfmScores(1, 1, 1);
}
