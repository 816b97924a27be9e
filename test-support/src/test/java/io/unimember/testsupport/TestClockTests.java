package io.unimember.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTests {

    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aSetClockStandsStillUntilAdvanced() {
        TestClock clock = TestClock.at(NEW_YEAR);
        assertThat(clock.instant()).isEqualTo(NEW_YEAR);

        clock.advance(Duration.ofHours(1));

        assertThat(clock.instant()).isEqualTo(NEW_YEAR.plus(Duration.ofHours(1)));
    }

    @Test
    void aClockThatTravelledKeepsTickingAndAdvancesFromWhereItIs() {
        TestClock clock = new TestClock();
        clock.travelTo(NEW_YEAR);
        Instant first = clock.instant();
        assertThat(first).isBetween(NEW_YEAR, NEW_YEAR.plusSeconds(5));

        clock.advance(Duration.ofDays(1));

        assertThat(clock.instant())
                .isBetween(
                        first.plus(Duration.ofDays(1)),
                        NEW_YEAR.plus(Duration.ofDays(1)).plusSeconds(5));
    }

    @Test
    void resetGivesBackTheSystemClock() {
        TestClock clock = TestClock.at(NEW_YEAR);

        clock.reset();

        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theClockInAnotherZoneIsMovedWithIt() {
        TestClock clock = TestClock.at(NEW_YEAR);
        var shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        clock.advance(Duration.ofMinutes(30));

        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.instant()).isEqualTo(NEW_YEAR.plus(Duration.ofMinutes(30)));
    }
}
