package io.unimember.coupon.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponCodesTests {

    @Test
    void encodesBase32AsRfc4648WithoutPadding() {
        assertThat(CouponCodes.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(CouponCodes.base32("fo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXQ");
        assertThat(CouponCodes.base32("foobar".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("MZXW6YTBOI");
    }

    @Test
    void aCodeCarries128RandomBitsIn26Base32Characters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String code = CouponCodes.next();
            assertThat(code).hasSize(26).matches("[A-Z2-7]{26}");
            seen.add(code);
        }
        assertThat(seen).hasSize(20_000);
        assertThat(CouponCodes.BYTES * 8).isEqualTo(128);
    }
}
