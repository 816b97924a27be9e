package io.unimember.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.coupon.support.Times;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTests {

    @Test
    void instantsAreBoundAsUtcTextKeepingMicroseconds() {
        assertThat(Times.ts(Instant.parse("2026-11-22T12:07:28.575983712Z"))).isEqualTo("2026-11-22 12:07:28.575983");
        assertThat(Times.ts(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01 00:00:00.000000");
        assertThat(Times.ts(null)).isNull();
    }
}
