package io.unimember.settlement.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unimember.common.web.ApiException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodKeyTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aMonthBeginsAtMidnightInShanghaiNotUtc() {
        assertThat(PeriodKey.containing(Instant.parse("2026-03-31T15:59:59.999999Z"), SHANGHAI))
                .hasToString("2026-03");
        assertThat(PeriodKey.containing(Instant.parse("2026-03-31T16:00:00Z"), SHANGHAI))
                .hasToString("2026-04");
        assertThat(PeriodKey.parse("2026-04").start(SHANGHAI)).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(PeriodKey.parse("2026-04").end(SHANGHAI)).isEqualTo(Instant.parse("2026-04-30T16:00:00Z"));
    }

    @Test
    void theNextPeriodOfDecemberIsJanuary() {
        assertThat(PeriodKey.parse("2025-12").next()).hasToString("2026-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-1", "26-01", "2026/01", "2026-01-01", "abcd-ef", ""})
    void aPathThatIsNoMonthIsA400NamingThePeriod(String text) {
        assertThatThrownBy(() -> PeriodKey.fromPath(text)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.properties().toString()).contains("period");
        });
    }
}
