package io.unimember.tier.paidmembership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A plan's period in business time (Asia/Shanghai): one, three or twelve calendar months, and the counted month. */
class PeriodsTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2027-01-15 10:00 in Shanghai. */
    private static final Instant MID_JANUARY = Instant.parse("2027-01-15T02:00:00Z");

    @Test
    void aMonthQuarterAndYearEndOnTheSameDayAndTimeOneThreeAndTwelveMonthsLater() {
        assertThat(Periods.end(MID_JANUARY, Plan.Period.MONTH, SHANGHAI)).isEqualTo("2027-02-15T02:00:00Z");
        assertThat(Periods.end(MID_JANUARY, Plan.Period.QUARTER, SHANGHAI)).isEqualTo("2027-04-15T02:00:00Z");
        assertThat(Periods.end(MID_JANUARY, Plan.Period.YEAR, SHANGHAI)).isEqualTo("2028-01-15T02:00:00Z");
    }

    @Test
    void aPeriodBegunOnADayLaterMonthsLackEndsOnTheirLastDay() {
        Instant lastOfJanuary = Instant.parse("2027-01-31T02:00:00Z");
        assertThat(Periods.end(lastOfJanuary, Plan.Period.MONTH, SHANGHAI)).isEqualTo("2027-02-28T02:00:00Z");
        Instant lastOfNovember = Instant.parse("2027-11-30T02:00:00Z");
        assertThat(Periods.end(lastOfNovember, Plan.Period.QUARTER, SHANGHAI)).isEqualTo("2028-02-29T02:00:00Z");
        Instant leapDay = Instant.parse("2028-02-29T02:00:00Z");
        assertThat(Periods.end(leapDay, Plan.Period.YEAR, SHANGHAI)).isEqualTo("2029-02-28T02:00:00Z");
    }

    @Test
    void theCountedMonthIsShanghaisSoUtcsLastEveningIsAlreadyTheNextMonth() {
        assertThat(Periods.month(Instant.parse("2027-01-31T15:59:59Z"), SHANGHAI))
                .isEqualTo("2027-01");
        assertThat(Periods.month(Instant.parse("2027-01-31T16:00:00Z"), SHANGHAI))
                .isEqualTo("2027-02");
    }
}
