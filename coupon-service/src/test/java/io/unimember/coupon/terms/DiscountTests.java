package io.unimember.coupon.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscountTests {

    private static final List<String> ALL = List.of("ALL");

    @ParameterizedTest(name = "FIXED {0} off, min spend {1}: amount {2} -> {3}")
    @CsvSource({
        // face, minSpend, amount, discount
        "1500, 0,     8000,  1500", // plain 满减
        "1500, 0,     1500,  1500", // amount equals face
        "1500, 0,     1000,  1000", // never more than the amount
        "1500, 0,     1,     1",
        "1500, 0,     0,     0", // nothing to discount
        "1500, 0,     -100,  0", // a negative amount is no order
        "2000, 10000, 9999,  0", // one fen short of the minimum spend
        "2000, 10000, 10000, 2000", // exactly the minimum spend
        "2000, 10000, 50000, 2000",
    })
    void fixedTakesItsFaceUpToTheAmountOnceMinSpendIsMet(long face, long minSpend, long amount, long expected) {
        assertThat(Terms.fixed(face, minSpend, ALL).discountFor(amount)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}% off capped at {1}, min spend {2}: amount {3} -> {4}")
    @CsvSource({
        // percent, cap, minSpend, amount, discount
        "10, 5000, 0,     8000,    800", // 10% of ¥80
        "10, 5000, 0,     80000,   5000", // 10% of ¥800 is 8000, capped at 5000
        "10, 5000, 0,     50000,   5000", // exactly at the cap
        "15, 5000, 0,     999,     149", // floor(149.85)
        "1,  5000, 0,     99,      0", // floor(0.99) is nothing
        "1,  5000, 0,     100,     1",
        "99, 5000, 0,     100,     99", // never the whole amount: 99% at most
        "99, 100,  0,     100000,  100",
        "20, 3000, 10000, 9999,    0", // min spend not met
        "20, 3000, 10000, 10000,   2000", // exactly the min spend
        "50, 9223372036854775807, 0, 10000000000, 5000000000", // large amounts stay exact in long fen
    })
    void percentTakesTheFlooredShareUpToItsCapAndNeverAboveTheAmount(
            int percent, long cap, long minSpend, long amount, long expected) {
        assertThat(Terms.percent(percent, cap, minSpend, ALL).discountFor(amount))
                .isEqualTo(expected);
    }

    @Test
    void aCouponIsUsableOnlyWhenItTakesSomethingOff() {
        assertThat(Terms.fixed(1500, 10000, ALL).usableFor(9999)).isFalse();
        assertThat(Terms.fixed(1500, 10000, ALL).usableFor(10000)).isTrue();
        assertThat(Terms.percent(1, 100, 0, ALL).usableFor(99)).isFalse();
    }

    @Test
    void faceValueIsTheFaceOrTheCap() {
        assertThat(Terms.fixed(1500, 0, ALL).faceValueFen()).isEqualTo(1500);
        assertThat(Terms.percent(20, 3000, 0, ALL).faceValueFen()).isEqualTo(3000);
    }

    @Test
    void scenesAreTheListedBusinessUnitsOrAll() {
        var dining = Terms.fixed(100, 0, List.of("DINE_IN", "FOOD_DELIVERY"));
        assertThat(dining.appliesTo("DINE_IN")).isTrue();
        assertThat(dining.appliesTo("HOTEL")).isFalse();
        assertThat(Terms.fixed(100, 0, ALL).appliesTo("HOTEL")).isTrue();
        assertThat(Terms.scenesFromColumn(dining.scenesColumn())).isEqualTo(dining.scenes());
    }

    @Test
    void termsOfAKindMissingItsAmountsAreRejected() {
        assertThatThrownBy(() -> new Terms(Kind.FIXED, null, 10, 100L, 0, ALL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Terms(Kind.PERCENT, 100L, null, null, 0, ALL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
