package io.unimember.tier.evaluation;

import io.unimember.tier.tiers.Tier;
import io.unimember.tier.tiers.TierTable;
import java.math.BigDecimal;
import java.util.List;

/** The design's tier table, as the Flyway seed has it. */
final class DefaultTiers {

    static final TierTable TABLE = new TierTable(List.of(
            new Tier("REGULAR", "普通", 1, 0, new BigDecimal("1.00"), 2, 0),
            new Tier("SILVER", "白银", 2, 1, new BigDecimal("1.00"), 2, 0),
            new Tier("GOLD", "黄金", 3, 2000, new BigDecimal("1.20"), 5, 0),
            new Tier("PLATINUM", "铂金", 4, 8000, new BigDecimal("1.30"), 6, 0),
            new Tier("DIAMOND", "钻石", 5, 20000, new BigDecimal("1.50"), 8, 0),
            new Tier("BLACK_DIAMOND", "黑钻", 6, 50000, new BigDecimal("2.00"), 10, 0)));

    private DefaultTiers() {}
}
