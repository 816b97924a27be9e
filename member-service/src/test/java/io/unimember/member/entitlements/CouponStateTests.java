package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.member.entitlements.CouponState.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponStateTests {

    private static final Instant T1 = Instant.parse("2026-06-01T00:00:01Z");
    private static final Instant T2 = Instant.parse("2026-06-01T00:00:02Z");
    private static final Instant T3 = Instant.parse("2026-06-01T00:00:03Z");

    @Test
    void issuedThenLockedThenReleasedIsAvailableAgain() {
        CouponState issued = CouponState.issued(null, T1);
        CouponState locked = CouponState.locked(issued, "L1", T2);
        CouponState released = CouponState.released(locked, "L1", T3);

        assertThat(issued.status()).isEqualTo(Status.AVAILABLE);
        assertThat(locked.status()).isEqualTo(Status.LOCKED);
        assertThat(released.status()).isEqualTo(Status.AVAILABLE);
        assertThat(released.hasTerms()).isTrue();
    }

    @Test
    void redeemedAndExpiredAreFinalWhateverArrivesLate() {
        CouponState redeemed = CouponState.finished(CouponState.issued(null, T1), Status.REDEEMED, T2);

        assertThat(CouponState.released(redeemed, "L1", T3)).isNull();
        assertThat(CouponState.locked(redeemed, "L2", T3)).isNull();
        assertThat(CouponState.finished(redeemed, Status.EXPIRED, T3)).isNull();
        CouponState filled = CouponState.issued(CouponState.finished(null, Status.REDEEMED, T2), T1);
        assertThat(filled.status()).isEqualTo(Status.REDEEMED);
        assertThat(filled.hasTerms()).isTrue();
    }

    @Test
    void aReturnedCouponIsAvailableAgainAndCanBeLockedButARevokedOneIsFinal() {
        CouponState redeemed = CouponState.finished(CouponState.issued(null, T1), Status.REDEEMED, T2);

        CouponState returned = CouponState.returned(redeemed, T3);

        assertThat(returned.status()).isEqualTo(Status.AVAILABLE);
        assertThat(returned.hasTerms()).isTrue();
        assertThat(CouponState.locked(returned, "L2", T3).status()).isEqualTo(Status.LOCKED);
        assertThat(CouponState.returned(redeemed, T1))
                .as("a return older than the redemption")
                .isNull();
        assertThat(CouponState.returned(CouponState.issued(null, T1), T2))
                .as("only a redeemed coupon comes back")
                .isNull();
        CouponState revoked = CouponState.finished(CouponState.issued(null, T1), Status.REVOKED, T2);
        assertThat(revoked.status().isFinal()).isTrue();
        assertThat(CouponState.locked(revoked, "L3", T3)).isNull();
        assertThat(CouponState.returned(revoked, T3)).isNull();
    }

    @Test
    void aLockOlderThanTheReleaseSeenFirstIsIgnored() {
        CouponState releasedFirst = CouponState.released(CouponState.issued(null, T1), "L1", T3);

        assertThat(CouponState.locked(releasedFirst, "L1", T2)).isNull();
    }

    @Test
    void releasingAnotherLockThanTheOneHeldChangesNothing() {
        CouponState lockedByL2 = CouponState.locked(CouponState.issued(null, T1), "L2", T2);

        assertThat(CouponState.released(lockedByL2, "L1", T3)).isNull();
    }

    @Test
    void issuedAgainIsNoChange() {
        assertThat(CouponState.issued(CouponState.issued(null, T1), T2)).isNull();
    }
}
