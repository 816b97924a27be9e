package io.unimember.common.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a request is counted under: ranges of its IP, a phone's prefix, and nothing for what is not well formed. */
class SignalsTests {

    @Test
    void anIpv4AddressIsCountedUnderItsSlash24AndAnIpv6OneUnderItsSlash48() {
        assertThat(new Signals(null, null, "203.0.113.77", null).value(Dimension.IP_RANGE))
                .isEqualTo("203.0.113.0/24");
        assertThat(new Signals(null, null, "2001:db8:0abc:1::5", null).value(Dimension.IP_RANGE))
                .isEqualTo("2001:db8:abc::/48");
        assertThat(new Signals(null, null, "2001:DB8::1", null).value(Dimension.IP_RANGE))
                .isEqualTo("2001:db8:0::/48");
    }

    @Test
    void whatIsNotWellFormedCountsAsAbsent() {
        Signals bad = new Signals(null, "dev ice;drop", "999.1.1.1", "13800138000");

        assertThat(bad.value(Dimension.DEVICE)).isNull();
        assertThat(bad.value(Dimension.IP_RANGE)).isNull();
        assertThat(bad.value(Dimension.PHONE_PREFIX)).isNull();
        assertThat(new Signals(null, "x".repeat(129), "1:2:3", null).value(Dimension.DEVICE))
                .isNull();
        assertThat(new Signals(null, null, "1::2::3", null).value(Dimension.IP_RANGE))
                .isNull();
        assertThat(bad.recorded()).isEmpty();
    }

    @Test
    void aPhoneIsCountedUnderItsPrefixAndTheRecordKeepsNoFullNumber() {
        Signals signals = new Signals("m_1", "dev-1", "198.51.100.7", null).withPhone("+8613800138000");

        assertThat(signals.value(Dimension.PHONE_PREFIX)).isEqualTo("+86138001");
        assertThat(signals.recorded())
                .containsEntry("DEVICE", "dev-1")
                .containsEntry("IP_RANGE", "198.51.100.0/24")
                .containsEntry("PHONE_PREFIX", "+86138001")
                .containsEntry("MEMBER", "m_1")
                .doesNotContainValue("+8613800138000");
    }
}
