package io.unimember.coupon.locks;

import io.unimember.common.jobs.BatchDrain;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases locks nobody resolved within their time, making their coupons AVAILABLE again. Each release is a
 * guarded update, so instances running this at once, or a redeem arriving at the same moment, resolve a lock once.
 */
@Component
class LockExpiryJob {

    static final String JOB = "coupon-lock-expiry";
    private static final Logger log = LoggerFactory.getLogger(LockExpiryJob.class);

    private final CouponLocks locks;
    private final Checkout checkout;
    private final Clock clock;
    private final BatchDrain lapsed;

    LockExpiryJob(CouponLocks locks, Checkout checkout, LockProperties properties, Clock clock) {
        this.locks = locks;
        this.checkout = checkout;
        this.clock = clock;
        this.lapsed = new BatchDrain(JOB, properties.batchSize());
    }

    @Scheduled(
            fixedDelayString = "${unimember.coupon.locks.expire-every:PT30S}",
            initialDelayString = "${unimember.coupon.locks.expire-every:PT30S}")
    void releaseLapsedLocks() {
        int released = releaseLapsedAt(Times.now(clock));
        if (released > 0) {
            log.info("released {} lapsed coupon locks", released);
        }
    }

    /** Releases every lock lapsed at {@code now}; returns how many this call released. */
    int releaseLapsedAt(Instant now) {
        return lapsed.drain(limit -> locks.lapsed(now, limit), lock -> checkout.expire(lock.bu(), lock.lockId(), now));
    }
}
