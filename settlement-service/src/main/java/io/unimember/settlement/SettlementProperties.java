package io.unimember.settlement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The business numbers of settlement.
 *
 * @param zone where a settlement month begins and ends
 * @param defaultRateBp the settlement price when none was set for a (benefit, from, to): basis points of face value
 * @param pointFaceValueFen what one point is worth at face value (100 points = ¥1, so 1 fen)
 * @param reconciliationSampleSize how many event ids a reconciliation difference lists at most per side
 * @param maxFutureUsage how far ahead of our clock a usage time may be (clock skew); a later one is corrupt
 * @param closeBeforeMonthEnd let an operator close the month in progress (the demo does, to show a statement at
 *     once); usages after the close post to the next open period, as any late event does. Off in production.
 */
@ConfigurationProperties("unimember.settlement")
@Validated
public record SettlementProperties(
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
        @DefaultValue("10000") @PositiveOrZero @Max(10_000) int defaultRateBp,
        @DefaultValue("1") @Positive long pointFaceValueFen,
        @DefaultValue("100") @PositiveOrZero int reconciliationSampleSize,
        @DefaultValue("PT1H") @NotNull Duration maxFutureUsage,
        @DefaultValue("false") boolean closeBeforeMonthEnd) {}
