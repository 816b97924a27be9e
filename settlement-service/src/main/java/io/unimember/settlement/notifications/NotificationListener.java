package io.unimember.settlement.notifications;

import io.unimember.common.events.BalanceChange;
import io.unimember.common.events.CouponExpired;
import io.unimember.common.events.CouponIssued;
import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.CouponRevoked;
import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.EventTypes;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.TierGrowthChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.EventBatches.Read;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.settlement.notifications.Message.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the notices' projections from the points, coupon and tier events, and tells a member of a tier upgrade as it
 * happens. Only the coupon events go through the inbox: the balance and tier projections are guarded by the event's
 * version and a tier upgrade's message is unique per member and tier version, so those change nothing when an event
 * comes again, and they skip the inbox's row (decision 0061). Its own consumer group, apart from the journal and webhooks.
 */
@Component
class NotificationListener {

    static final String CONSUMER = "settlement-service.notifications";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final Projections projections;
    private final Notifications notifications;
    private final NotificationProperties properties;

    NotificationListener(
            EventBatches batches,
            JsonMapper mapper,
            Projections projections,
            Notifications notifications,
            NotificationProperties properties) {
        this.batches = batches;
        this.mapper = mapper;
        this.projections = projections;
        this.notifications = notifications;
        this.properties = properties;
    }

    @KafkaListener(
            id = "settlement-notifications",
            topics = {Topics.POINTS, Topics.COUPON, Topics.TIER},
            groupId = "${spring.application.name}.notifications",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(CONSUMER, records, this::read, NotificationListener::aboutACoupon, this::apply);
    }

    private static boolean aboutACoupon(EventEnvelope e) {
        return e.topic().equals(Topics.COUPON);
    }

    private void apply(List<Read<DomainEvent>> events) {
        List<Projections.Balance> balances = new ArrayList<>();
        List<Projections.Coupon> coupons = new ArrayList<>();
        List<Projections.Tier> tiers = new ArrayList<>();
        List<TierChanged> upgrades = new ArrayList<>();
        for (Read<DomainEvent> read : events) {
            switch (read.value()) {
                case BalanceChange b ->
                    balances.add(new Projections.Balance(
                            b.memberId(), b.balance().version(), b.balance().expiring()));
                case CouponIssued c ->
                    coupons.add(new Projections.Coupon(c.couponId(), c.memberId(), c.name(), c.expiresAt(), true));
                case CouponRedeemed c -> coupons.add(closed(c.couponId(), c.memberId()));
                case CouponExpired c -> coupons.add(closed(c.couponId(), c.memberId()));
                case CouponRevoked c -> coupons.add(closed(c.couponId(), c.memberId()));
                case TierChanged t -> {
                    tiers.add(new Projections.Tier(
                            t.memberId(), t.to(), t.growth(), t.retainedUntil(), t.version(), true));
                    if (t.from() != null && properties.rank(t.to()) > properties.rank(t.from())) {
                        upgrades.add(t);
                    }
                }
                case TierGrowthChanged g ->
                    tiers.add(new Projections.Tier(g.memberId(), g.tier(), g.growth(), null, g.version(), false));
                default -> {}
            }
        }
        projections.balances(balances);
        projections.coupons(coupons);
        projections.tiers(tiers);
        for (TierChanged t : upgrades) {
            notifications.tell(
                    t.memberId(),
                    Kind.TIER_UP,
                    "tier:" + t.version(),
                    "升级为" + t.toName(),
                    "You are now " + t.toName() + " (" + t.to() + "): points ×" + t.pointsMultiplier() + ", "
                            + t.monthlyCoupons() + " 神券 a month.");
        }
    }

    private static Projections.Coupon closed(String couponId, String memberId) {
        return new Projections.Coupon(couponId, memberId, "", Instant.EPOCH, false);
    }

    private @Nullable DomainEvent read(EventEnvelope e) {
        Class<? extends DomainEvent> type = EventTypes.classOf(e.type())
                .filter(c -> BalanceChange.class.isAssignableFrom(c)
                        || c == CouponIssued.class
                        || c == CouponRedeemed.class
                        || c == CouponExpired.class
                        || c == CouponRevoked.class
                        || c == TierChanged.class
                        || c == TierGrowthChanged.class)
                .orElse(null);
        if (type == null) {
            return null;
        }
        try {
            return e.dataAs(type, mapper);
        } catch (JacksonException ex) {
            throw new MalformedEventException(e.type() + " without a readable payload: " + ex.getOriginalMessage());
        }
    }
}
