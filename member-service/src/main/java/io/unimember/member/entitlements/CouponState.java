package io.unimember.member.entitlements;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a coupon is in its life, as the view knows it, and how each coupon event moves it. Coupon events carry no
 * version, so order comes from the event time: a lock or release older than the last applied event is ignored,
 * and redeemed, expired or revoked is final, so a late or replayed event never brings a used coupon back — except
 * coupon.returned, a refund giving a redeemed coupon back to the wallet, the one way out of REDEEMED.
 *
 * @param lockId the lock holding it when LOCKED
 * @param lastEventAt when the last applied event happened
 * @param hasTerms whether coupon.issued (with the terms) has arrived
 */
record CouponState(Status status, @Nullable String lockId, Instant lastEventAt, boolean hasTerms) {

    enum Status {
        AVAILABLE,
        LOCKED,
        REDEEMED,
        EXPIRED,
        /** A reward taken back because its order was refunded. */
        REVOKED;

        boolean isFinal() {
            return this == REDEEMED || this == EXPIRED || this == REVOKED;
        }
    }

    /** coupon.issued: adds the coupon, or fills in the terms of one whose later events came first. */
    static @Nullable CouponState issued(@Nullable CouponState current, Instant at) {
        if (current == null) {
            return new CouponState(Status.AVAILABLE, null, at, true);
        }
        return current.hasTerms ? null : new CouponState(current.status, current.lockId, current.lastEventAt, true);
    }

    static @Nullable CouponState locked(@Nullable CouponState current, String lockId, Instant at) {
        if (current == null) {
            return new CouponState(Status.LOCKED, lockId, at, false);
        }
        if (current.status.isFinal() || at.isBefore(current.lastEventAt)) {
            return null;
        }
        return new CouponState(Status.LOCKED, lockId, at, current.hasTerms);
    }

    /** A release frees only the lock it names; a release of an older lock after a newer lock changes nothing. */
    static @Nullable CouponState released(@Nullable CouponState current, String lockId, Instant at) {
        if (current == null) {
            return new CouponState(Status.AVAILABLE, null, at, false);
        }
        if (current.status.isFinal() || at.isBefore(current.lastEventAt)) {
            return null;
        }
        if (current.status == Status.LOCKED && !Objects.equals(current.lockId, lockId)) {
            return null;
        }
        return new CouponState(Status.AVAILABLE, null, at, current.hasTerms);
    }

    static @Nullable CouponState finished(@Nullable CouponState current, Status end, Instant at) {
        if (current == null) {
            return new CouponState(end, null, at, false);
        }
        if (current.status.isFinal()) {
            return null;
        }
        return new CouponState(end, null, at, current.hasTerms);
    }

    /** coupon.returned (available): a redeemed coupon is in the wallet again; any other state is left as it is. */
    static @Nullable CouponState returned(@Nullable CouponState current, Instant at) {
        if (current == null || current.status != Status.REDEEMED || at.isBefore(current.lastEventAt)) {
            return null;
        }
        return new CouponState(Status.AVAILABLE, null, at, current.hasTerms);
    }
}
