package io.unimember.settlement;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business numbers of settlement.
 *
 * @param zone where a settlement month begins and ends
 * @param defaultRateBp the settlement price when none was set for a (benefit, from, to): basis points of face value
 * @param pointFaceValueFen what one point is worth at face value (100 points = ¥1, so 1 fen)
 * @param reconciliationSampleSize how many event ids a reconciliation difference lists at most per side
 * @param maxFutureUsage how far ahead of our clock a usage time may be (clock skew); a later one is corrupt
 */
@ConfigurationProperties("unimember.settlement")
public record SettlementProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("10000") int defaultRateBp,
        @DefaultValue("1") long pointFaceValueFen,
        @DefaultValue("100") int reconciliationSampleSize,
        @DefaultValue("PT1H") Duration maxFutureUsage) {}
