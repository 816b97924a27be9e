package io.unimember.common.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.ExpiringPoints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewRendererTests {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(10));

    @Test
    void aRunningMembershipShowsWhatRemainsOfTheCountedMonthAndTheFullAllowanceInAnother() {
        var june = new StoredView.MembershipState.Counted(
                "FREE_DELIVERY", 3, 2, NOW.minus(Duration.ofHours(8)), NOW.plus(Duration.ofDays(30)));
        var may = new StoredView.MembershipState.Counted(
                "CAR_WASH", 2, 2, NOW.minus(Duration.ofDays(31)), NOW.minus(Duration.ofHours(8)));
        var running = new StoredView.MembershipState("SUPER", "神会员", LATER, List.of(june, may), true, 4);

        EntitlementView.Membership shown =
                ViewRenderer.render(withMembership(running), null, null, NOW, 1).membership();

        assertThat(shown).isNotNull();
        assertThat(shown.planCode()).isEqualTo("SUPER");
        assertThat(shown.endsAt()).isEqualTo(LATER);
        assertThat(shown.counted())
                .containsExactly(
                        new EntitlementView.Counted("FREE_DELIVERY", 1), new EntitlementView.Counted("CAR_WASH", 2));
        var ended = new StoredView.MembershipState("SUPER", "神会员", LATER, List.of(june), false, 5);
        assertThat(ViewRenderer.render(withMembership(ended), null, null, NOW, 1)
                        .membership())
                .isNull();
        assertThat(ViewRenderer.render(withMembership(null), null, null, NOW, 1).membership())
                .isNull();
    }

    private static StoredView withMembership(StoredView.MembershipState membership) {
        return StoredView.initial("m", new StoredView.TierState("REGULAR", "普通", 0, "SILVER", 1, "1.0", 2))
                .withMembership(membership);
    }

    @Test
    void aFixedCouponTakesItsFaceValueAboveTheMinimumSpendAndNeverMoreThanTheAmount() {
        var coupon = fixed("c", 1500, 5000, List.of("ALL"));

        assertThat(ViewRenderer.discountFor(coupon, 8000)).isEqualTo(1500);
        assertThat(ViewRenderer.discountFor(coupon, 4999)).isZero();
        assertThat(ViewRenderer.discountFor(fixed("c", 1500, 0, List.of("ALL")), 1000))
                .isEqualTo(1000);
    }

    @Test
    void aPercentCouponTakesItsShareRoundedDownUpToItsCap() {
        var coupon = percent("p", 15, 2000);

        assertThat(ViewRenderer.discountFor(coupon, 8001)).isEqualTo(1200);
        assertThat(ViewRenderer.discountFor(coupon, 50_000)).isEqualTo(2000);
        assertThat(ViewRenderer.discountFor(coupon, 0)).isZero();
    }

    @Test
    void couponsForAnotherSceneExpiredCouponsAndExpiredPointsAreLeftOut() {
        var view = new StoredView(
                "m",
                new StoredView.TierState("GOLD", "黄金", 2350, "PLATINUM", 5650, "1.2", 5),
                new StoredView.PointsState(
                        1520, 10, List.of(new ExpiringPoints(5, NOW.minusSeconds(1)), new ExpiringPoints(300, LATER))),
                List.of(
                        fixed("all", 500, 0, List.of("ALL")),
                        fixed("hotel", 900, 0, List.of("HOTEL")),
                        new StoredView.CouponTerms(
                                "old",
                                "old",
                                "FIXED",
                                9999,
                                null,
                                null,
                                0,
                                List.of("ALL"),
                                NOW.minusSeconds(1),
                                false)));

        EntitlementView rendered = ViewRenderer.render(view, "DINE_IN", null, NOW, 1);

        assertThat(rendered.coupons())
                .extracting(EntitlementView.Coupon::couponId)
                .containsExactly("all");
        assertThat(rendered.points().expiring()).containsExactly(new EntitlementView.Expiring(300, LATER));
        assertThat(rendered.points().redeemableFen()).isEqualTo(1520);
        assertThat(rendered.benefits())
                .containsExactly(
                        new EntitlementView.Benefit("POINTS_MULTIPLIER", "1.2"),
                        new EntitlementView.Benefit("MONTHLY_COUPONS", "5"));
    }

    @Test
    void aLockedCouponIsShownButNotUsableAndSortsAfterUsableOnes() {
        var view = new StoredView(
                "m",
                new StoredView.TierState("REGULAR", "普通", 0, "SILVER", 1, "1.0", 2),
                new StoredView.PointsState(0, 0, List.of()),
                List.of(
                        fixed("big", 5000, 0, List.of("ALL")).withLocked(true),
                        fixed("small", 100, 0, List.of("ALL"))));

        EntitlementView rendered = ViewRenderer.render(view, null, 8000L, NOW, 1);

        assertThat(rendered.coupons())
                .extracting(EntitlementView.Coupon::couponId)
                .containsExactly("small", "big");
        assertThat(rendered.coupons().get(1).usable()).isFalse();
    }

    private static StoredView.CouponTerms fixed(String id, long face, long minSpend, List<String> scenes) {
        return new StoredView.CouponTerms(id, id, "FIXED", face, null, null, minSpend, scenes, LATER, false);
    }

    private static StoredView.CouponTerms percent(String id, int percentOff, long cap) {
        return new StoredView.CouponTerms(id, id, "PERCENT", cap, percentOff, cap, 0, List.of("ALL"), LATER, false);
    }
}
