package io.unimember.settlement.support;

import io.unimember.settlement.periods.PeriodKey;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands each test its own long-past month, so tests share one database without sharing periods. Months are three
 * apart: a late event for a closed month lands in the next one, which no other test uses.
 */
public final class TestMonths {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestMonths() {}

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** An instant in the period, given as a Shanghai day of month and hour. */
    public static Instant at(PeriodKey period, int day, int hour) {
        return period.month().atDay(day).atTime(hour, 0).atZone(SHANGHAI).toInstant();
    }

    public static PeriodKey past() {
        return new PeriodKey(YearMonth.of(2001, 1).plusMonths(3L * NEXT.getAndIncrement()));
    }
}
