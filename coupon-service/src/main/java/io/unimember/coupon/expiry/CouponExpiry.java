package io.unimember.coupon.expiry;

import static io.unimember.coupon.support.Times.instant;
import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.events.CouponExpired;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.coupon.coupons.Coupons;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks AVAILABLE coupons past their end EXPIRED and emits {@code coupon.expired} for each. The guarded update
 * decides per coupon, so two instances (or two runs) expire, and announce, each coupon once. LOCKED coupons are left
 * to their lock: once released they are AVAILABLE and expire on the next run.
 */
@Component
class CouponExpiry {

    private static final Logger log = LoggerFactory.getLogger(CouponExpiry.class);

    private record Due(String id, String memberId, Instant expiresAt) {}

    private final JdbcClient jdbc;
    private final Coupons coupons;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final ExpiryProperties properties;
    private final Clock clock;

    CouponExpiry(
            JdbcClient jdbc,
            Coupons coupons,
            EventPublisher events,
            TransactionTemplate tx,
            ExpiryProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.coupons = coupons;
        this.events = events;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${unimember.coupon.expiry.every:PT1M}",
            initialDelayString = "${unimember.coupon.expiry.every:PT1M}")
    void expireDue() {
        int expired = expireDueAt(Times.now(clock));
        if (expired > 0) {
            log.info("expired {} coupons", expired);
        }
    }

    /** Expires every coupon due at {@code now}; returns how many this call expired. */
    int expireDueAt(Instant now) {
        int expired = 0;
        while (true) {
            List<Due> batch = due(now);
            Integer done = tx.execute(status -> {
                int n = 0;
                for (Due due : batch) {
                    if (coupons.expire(due.id(), now)) {
                        events.publish(new CouponExpired(due.memberId(), due.id(), due.expiresAt()));
                        n++;
                    }
                }
                return n;
            });
            int n = done == null ? 0 : done;
            expired += n;
            if (batch.size() < properties.batchSize() || n == 0) {
                return expired;
            }
        }
    }

    private List<Due> due(Instant now) {
        return jdbc.sql(
                        """
                SELECT id, member_id, expires_at FROM coupon
                 WHERE status = 'AVAILABLE' AND expires_at <= ?
                 ORDER BY expires_at LIMIT ?
                """)
                .params(ts(now), properties.batchSize())
                .query((rs, n) -> new Due(rs.getString("id"), rs.getString("member_id"), instant(rs, "expires_at")))
                .list();
    }
}
