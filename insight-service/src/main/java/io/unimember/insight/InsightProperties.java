package io.unimember.insight;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The insight rules as settings: the business day's zone, the lifecycle thresholds (days without an order) and how
 * often the topology hands its figure deltas on.
 *
 * @param zone the zone a business day is cut in
 * @param newDays a member registered (or first ordering) within this many days is NEW
 * @param activeDays an order within this many days keeps a member ACTIVE
 * @param dormantDays past this many days without an order a member is DORMANT (in between: AT_RISK); a member
 *     ordering again after such a gap is WON_BACK for {@code activeDays}
 * @param flushEvery how often each task hands its pre-aggregated figure deltas to the figures' aggregation
 * @param maxOrdersKept per member, the orders of the last 365 days kept at most (the oldest go first)
 * @param reloadEvery how often the tag and segment definitions are read again (another instance's changes)
 */
@Validated
@ConfigurationProperties("unimember.insight")
public record InsightProperties(
        @NotNull ZoneId zone,
        @Min(1) int newDays,
        @Min(1) int activeDays,
        @Min(2) int dormantDays,
        @NotNull Duration flushEvery,
        @Min(10) int maxOrdersKept,
        @NotNull Duration reloadEvery) {

    public static InsightProperties defaults() {
        return new InsightProperties(
                ZoneId.of("Asia/Shanghai"), 30, 30, 90, Duration.ofSeconds(1), 1000, Duration.ofSeconds(10));
    }
}
