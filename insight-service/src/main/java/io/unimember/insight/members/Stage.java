package io.unimember.insight.members;

/** Where a member is in the lifecycle, judged by days without an order (thresholds in InsightProperties). */
public enum Stage {
    NEW,
    ACTIVE,
    AT_RISK,
    DORMANT,
    WON_BACK
}
