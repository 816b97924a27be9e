package io.unimember.member.entitlements;

import io.unimember.common.events.CouponExpired;
import io.unimember.common.events.CouponIssued;
import io.unimember.common.events.CouponLocked;
import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.CouponReleased;
import io.unimember.common.events.CouponReturned;
import io.unimember.common.events.CouponRevoked;
import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.ExpiringPoints;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.TierGrowthChanged;
import io.unimember.common.inbox.EventCodec;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/** Event envelopes as the other services publish them, and ways to deliver them. */
final class TestEvents {

    static final Instant LATER =
            Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private final JsonMapper json;
    private final EventCodec codec;

    TestEvents(JsonMapper json, EventCodec codec) {
        this.json = json;
        this.codec = codec;
    }

    static String newMemberId() {
        return "m_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
    }

    EventEnvelope envelope(DomainEvent event) {
        return envelope(event, Instant.now());
    }

    EventEnvelope envelope(DomainEvent event, Instant occurredAt) {
        return EventEnvelope.wrap(event, "test", occurredAt, json);
    }

    String wire(EventEnvelope envelope) {
        return codec.toJson(envelope);
    }

    /** The envelope as a one-record batch, as a listener receives it from Kafka. */
    List<ConsumerRecord<String, String>> batch(EventEnvelope envelope) {
        return TestKafka.batchOf(envelope.topic(), envelope.memberId(), wire(envelope));
    }

    /** Publishes to the envelope's topic, keyed by member, as the outbox of another service would. */
    void send(EventEnvelope envelope) {
        TestKafka.send(envelope.topic(), envelope.memberId(), wire(envelope));
    }

    static TierChanged gold(String memberId, long version) {
        return new TierChanged(
                memberId, "SILVER", "GOLD", "GROWTH", 2350, "黄金", "PLATINUM", 5650, "1.2", 5, null, version);
    }

    static TierChanged tier(String memberId, String code, String name, String multiplier, long growth, long version) {
        return new TierChanged(memberId, null, code, "GROWTH", growth, name, "NEXT", 100, multiplier, 2, null, version);
    }

    static TierGrowthChanged growth(String memberId, String tier, long growth, long toNext, long version) {
        return new TierGrowthChanged(memberId, tier, growth, "PLATINUM", toNext, version);
    }

    static PointsEarned earned(String memberId, long available, long frozen, long version) {
        return new PointsEarned(
                memberId,
                "t-" + UUID.randomUUID(),
                "DINE_IN",
                "o-" + UUID.randomUUID(),
                100,
                false,
                LATER,
                new PointsBalance(available, frozen, available, version, List.of(new ExpiringPoints(300, LATER))));
    }

    static PointsBalance balance(long available, long frozen, long version) {
        return new PointsBalance(available, frozen, available + frozen, version, List.of());
    }

    static CouponIssued fixed(String memberId, String couponId, long faceFen, long minSpendFen, List<String> scenes) {
        return new CouponIssued(
                memberId,
                couponId,
                "tpl-1",
                (faceFen / 100) + "元神券",
                "FIXED",
                faceFen,
                null,
                null,
                minSpendFen,
                scenes,
                "PLATFORM",
                "GRANT",
                Instant.now(),
                LATER);
    }

    static CouponIssued percent(String memberId, String couponId, int percentOff, long capFen, List<String> scenes) {
        return new CouponIssued(
                memberId,
                couponId,
                "tpl-2",
                percentOff + "%神券",
                "PERCENT",
                capFen,
                percentOff,
                capFen,
                0,
                scenes,
                "HOTEL",
                "CLAIM",
                Instant.now(),
                LATER);
    }

    static CouponLocked locked(String memberId, String couponId, String lockId) {
        return new CouponLocked(memberId, couponId, lockId, "DINE_IN", "order-1", 1500, LATER);
    }

    static CouponReleased released(String memberId, String couponId, String lockId) {
        return new CouponReleased(memberId, couponId, lockId, "RELEASED");
    }

    static CouponRedeemed redeemed(String memberId, String couponId) {
        return new CouponRedeemed(memberId, couponId, "tpl-1", "PLATFORM", "DINE_IN", 1500, "order-1", Instant.now());
    }

    static CouponReturned returned(String memberId, String couponId, boolean available) {
        return new CouponReturned(
                memberId, couponId, "tpl-1", "PLATFORM", "DINE_IN", 1500, "order-1", "r-1", available, Instant.now());
    }

    static CouponRevoked revoked(String memberId, String couponId) {
        return new CouponRevoked(
                memberId, couponId, "tpl-1", "DINE_IN", "order-1", "r-1", "REWARD_REFUNDED", Instant.now());
    }

    static CouponExpired expired(String memberId, String couponId) {
        return new CouponExpired(memberId, couponId, Instant.now());
    }
}
