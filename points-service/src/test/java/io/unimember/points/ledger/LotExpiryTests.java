package io.unimember.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LotExpiryTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void pointsExpireAtTheEndOfTheTwelfthMonthAfterTheMonthEarned() {
        Instant expiry = LotExpiry.of(Instant.parse("2025-03-15T04:00:00Z"), SHANGHAI, 12);

        // earned in March 2025 → the 12th month after is March 2026 → gone from 2026-04-01 00:00 Shanghai
        assertThat(expiry).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void theMonthIsTheBusinessMonthInShanghaiNotUtc() {
        // 2025-03-31T17:00Z is already 1 April in Shanghai
        Instant expiry = LotExpiry.of(Instant.parse("2025-03-31T17:00:00Z"), SHANGHAI, 12);

        assertThat(expiry).isEqualTo(Instant.parse("2026-04-30T16:00:00Z"));
    }

    @Test
    void decemberEarningsExpireAtTheEndOfTheNextDecember() {
        Instant expiry = LotExpiry.of(Instant.parse("2025-12-10T00:00:00Z"), SHANGHAI, 12);

        assertThat(expiry).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void validityIsConfigurable() {
        Instant expiry = LotExpiry.of(Instant.parse("2025-01-10T00:00:00Z"), SHANGHAI, 1);

        assertThat(expiry).isEqualTo(Instant.parse("2025-02-28T16:00:00Z"));
    }
}
