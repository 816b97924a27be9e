package io.unimember.member.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

    @Test
    void aChinaMobileIsTakenAsPlus86AndMaskedInTheMiddle() {
        PhoneNumber phone = PhoneNumber.parse("13812341234").orElseThrow();

        assertThat(phone.e164()).isEqualTo("+8613812341234");
        assertThat(phone.masked()).isEqualTo("138****1234");
        assertThat(phone).hasToString("138****1234");
        assertThat(PhoneNumber.parse("+8613812341234").orElseThrow()).isEqualTo(phone);
    }

    @Test
    void anotherE164NumberKeepsItsPrefixAndLastFour() {
        assertThat(PhoneNumber.parse("+447911123456").orElseThrow().masked()).isEqualTo("+447****3456");
    }

    @Test
    void anythingElseIsNoPhoneNumber() {
        assertThat(PhoneNumber.parse("12812341234")).isEmpty();
        assertThat(PhoneNumber.parse("1381234123")).isEmpty();
        assertThat(PhoneNumber.parse("+0123456789")).isEmpty();
        assertThat(PhoneNumber.parse("138 1234 1234")).isEmpty();
        assertThat(PhoneNumber.parse("+1234567890123456")).isEmpty();
    }
}
