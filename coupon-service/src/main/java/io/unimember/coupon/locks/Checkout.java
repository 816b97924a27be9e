package io.unimember.coupon.locks;

import io.unimember.common.events.CouponLocked;
import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.CouponReleased;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.common.web.ApiException;
import io.unimember.coupon.coupons.Coupon;
import io.unimember.coupon.coupons.Coupons;
import io.unimember.coupon.locks.CouponLocks.Condition;
import io.unimember.coupon.locks.CouponLocks.Lock;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * BU checkout in two phases. Lock: the coupon must be AVAILABLE (else {@code COUPON_NOT_AVAILABLE}) and fit the
 * order — the BU is one of its scenes, the window is open, the amount meets the minimum spend (else {@code
 * COUPON_NOT_APPLICABLE}); one guarded update decides between racing orders. Redeem and release each move the lock
 * out of LOCKED once; asking again for what already happened answers the same, asking for the other is a 409.
 */
@Service
class Checkout {

    private final Coupons coupons;
    private final FrozenMembers frozen;
    private final CouponLocks locks;
    private final EventPublisher events;
    private final LockProperties properties;
    private final Clock clock;

    Checkout(
            Coupons coupons,
            CouponLocks locks,
            EventPublisher events,
            FrozenMembers frozen,
            LockProperties properties,
            Clock clock) {
        this.coupons = coupons;
        this.frozen = frozen;
        this.locks = locks;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs inside the idempotency transaction of the lock id. */
    @Transactional
    public LockView lock(String bu, String couponId, LockRequest request) {
        Instant now = Times.now(clock);
        Coupon coupon = coupons.find(couponId)
                .filter(c -> request.memberId() == null || c.memberId().equals(request.memberId()))
                .orElseThrow(() -> ApiException.notFound("COUPON_NOT_FOUND", "no such coupon"));
        frozen.requireNotFrozen(coupon.memberId());
        if (!coupon.isAvailableAt(now)) {
            throw notAvailable(coupon, now);
        }
        if (!coupon.terms().appliesTo(bu)) {
            throw notApplicable("the coupon cannot be used at " + bu);
        }
        if (coupon.isNotYetValidAt(now)) {
            throw notApplicable("the coupon is valid from " + coupon.usableFrom());
        }
        long discount = coupon.terms().discountFor(request.amountFen());
        if (discount <= 0) {
            throw notApplicable("the order does not reach the minimum spend of "
                    + coupon.terms().minSpendFen() + " fen");
        }
        if (!coupons.lock(couponId, request.lockId(), bu, now)) {
            throw notAvailable(coupons.find(couponId).orElseThrow(), now);
        }
        Lock lock = new Lock(
                bu,
                request.lockId(),
                couponId,
                coupon.memberId(),
                request.orderRef(),
                request.amountFen(),
                discount,
                LockStatus.LOCKED,
                now.plus(properties.ttl()),
                null);
        locks.insert(lock, now);
        events.publish(new CouponLocked(
                coupon.memberId(), couponId, lock.lockId(), bu, lock.orderRef(), discount, lock.expiresAt()));
        return lock.view();
    }

    @Transactional
    public LockView redeem(String bu, String lockId) {
        Instant now = Times.now(clock);
        Lock lock = find(bu, lockId);
        if (locks.resolve(bu, lockId, LockStatus.REDEEMED, now, Condition.LIVE)) {
            Coupon coupon = coupons.find(lock.couponId()).orElseThrow();
            if (!coupons.redeemLocked(coupon.id(), lockId, bu, lock.orderRef(), lock.discountFen(), now)) {
                throw new IllegalStateException("coupon " + coupon.id() + " is not held by lock " + lockId);
            }
            events.publish(new CouponRedeemed(
                    coupon.memberId(),
                    coupon.id(),
                    coupon.templateId(),
                    coupon.fundingBu(),
                    bu,
                    lock.discountFen(),
                    lock.orderRef(),
                    now));
            return find(bu, lockId).view();
        }
        Lock current = find(bu, lockId);
        return switch (current.status()) {
            case REDEEMED -> current.view();
            case RELEASED -> throw ApiException.conflict("LOCK_RELEASED", "the lock was released; lock again");
            case EXPIRED, LOCKED -> throw ApiException.conflict("LOCK_EXPIRED", "the lock expired; lock again");
        };
    }

    @Transactional
    public LockView release(String bu, String lockId) {
        Instant now = Times.now(clock);
        find(bu, lockId);
        if (locks.resolve(bu, lockId, LockStatus.RELEASED, now, Condition.ANY)) {
            Lock lock = find(bu, lockId);
            unlock(lock, "RELEASED");
            return lock.view();
        }
        Lock current = find(bu, lockId);
        if (current.status() == LockStatus.REDEEMED) {
            throw ApiException.conflict("LOCK_REDEEMED", "the lock was redeemed; it cannot be released");
        }
        return current.view();
    }

    /** Releases one lapsed lock; false if it resolved otherwise meanwhile (another instance, a late redeem). */
    @Transactional
    public boolean expire(String bu, String lockId, Instant now) {
        if (!locks.resolve(bu, lockId, LockStatus.EXPIRED, now, Condition.LAPSED)) {
            return false;
        }
        unlock(find(bu, lockId), "EXPIRED");
        return true;
    }

    private void unlock(Lock lock, String reason) {
        if (!coupons.unlock(lock.couponId(), lock.lockId())) {
            throw new IllegalStateException("coupon " + lock.couponId() + " is not held by lock " + lock.lockId());
        }
        events.publish(new CouponReleased(lock.memberId(), lock.couponId(), lock.lockId(), reason));
    }

    private Lock find(String bu, String lockId) {
        return locks.find(bu, lockId).orElseThrow(() -> ApiException.notFound("LOCK_NOT_FOUND", "no such lock"));
    }

    private static ApiException notAvailable(Coupon coupon, Instant now) {
        return ApiException.conflict(
                "COUPON_NOT_AVAILABLE",
                "the coupon is " + coupon.statusAt(now).name().toLowerCase());
    }

    private static ApiException notApplicable(String detail) {
        return ApiException.conflict("COUPON_NOT_APPLICABLE", detail);
    }
}
