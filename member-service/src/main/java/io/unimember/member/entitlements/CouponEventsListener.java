package io.unimember.member.entitlements;

import io.unimember.common.events.CouponExpired;
import io.unimember.common.events.CouponIssued;
import io.unimember.common.events.CouponLocked;
import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.CouponReleased;
import io.unimember.common.events.CouponReturned;
import io.unimember.common.events.CouponRevoked;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code coupon.events.v1} into the view's wallet: issued adds a coupon with its terms, locked makes it unusable,
 * released usable again, redeemed and expired remove it for good.
 */
@Component
class CouponEventsListener {

    static final String CONSUMER = "member-service.entitlements.coupons";

    private final EventBatches batches;
    private final ViewUpdates updates;
    private final JsonMapper json;

    CouponEventsListener(EventBatches batches, ViewUpdates updates, JsonMapper json) {
        this.batches = batches;
        this.updates = updates;
        this.json = json;
    }

    @KafkaListener(topics = Topics.COUPON, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                this::change,
                changes -> updates.applyAll(
                        changes.stream().map(EventBatches.Read::value).toList()));
    }

    private ViewUpdates.@Nullable Change change(EventEnvelope e) {
        Instant at = e.occurredAt() != null ? e.occurredAt() : Instant.EPOCH;
        ViewUpdates.Change change;
        if (e.is(CouponIssued.class)) {
            CouponIssued issued = Payloads.read(e, CouponIssued.class, json);
            change = new ViewUpdates.Change(issued.memberId(), () -> updates.couponIssued(issued, at));
        } else if (e.is(CouponLocked.class)) {
            CouponLocked locked = Payloads.read(e, CouponLocked.class, json);
            change = new ViewUpdates.Change(
                    locked.memberId(),
                    () -> updates.couponLocked(locked.memberId(), locked.couponId(), locked.lockId(), at));
        } else if (e.is(CouponReleased.class)) {
            CouponReleased released = Payloads.read(e, CouponReleased.class, json);
            change = new ViewUpdates.Change(
                    released.memberId(),
                    () -> updates.couponReleased(released.memberId(), released.couponId(), released.lockId(), at));
        } else if (e.is(CouponRedeemed.class)) {
            CouponRedeemed redeemed = Payloads.read(e, CouponRedeemed.class, json);
            change = new ViewUpdates.Change(
                    redeemed.memberId(),
                    () -> updates.couponFinished(
                            redeemed.memberId(), redeemed.couponId(), CouponState.Status.REDEEMED, at));
        } else if (e.is(CouponExpired.class)) {
            CouponExpired expired = Payloads.read(e, CouponExpired.class, json);
            change = new ViewUpdates.Change(
                    expired.memberId(),
                    () -> updates.couponFinished(
                            expired.memberId(), expired.couponId(), CouponState.Status.EXPIRED, at));
        } else if (e.is(CouponReturned.class)) {
            CouponReturned returned = Payloads.read(e, CouponReturned.class, json);
            if (!returned.available()) {
                return null; // past its validity, it stays redeemed
            }
            change = new ViewUpdates.Change(
                    returned.memberId(), () -> updates.couponReturned(returned.memberId(), returned.couponId(), at));
        } else if (e.is(CouponRevoked.class)) {
            CouponRevoked revoked = Payloads.read(e, CouponRevoked.class, json);
            change = new ViewUpdates.Change(
                    revoked.memberId(),
                    () -> updates.couponFinished(
                            revoked.memberId(), revoked.couponId(), CouponState.Status.REVOKED, at));
        } else {
            return null;
        }
        return change;
    }
}
