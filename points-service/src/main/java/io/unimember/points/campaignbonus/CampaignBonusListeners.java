package io.unimember.points.campaignbonus;

import io.unimember.common.events.CampaignRewarded;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two inputs of campaign bonus points, each a consumer group of its own (the exchange saga already reads the
 * coupon topic in the service's group): {@code campaign.rewarded BONUS_POINTS} from coupon-service, and this
 * service's own {@code order.completed}, which says what an order earned, for the multiplier windows. The inbox
 * records none of them (decision 0061): every effect is claimed by a unique row first ({@link CampaignBonuses}).
 */
@Component
class CampaignBonusListeners {

    static final String REWARDS = "points-service.campaign-bonus";
    static final String ORDERS = "points-service.campaign-bonus-orders";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final CampaignBonuses bonuses;

    CampaignBonusListeners(EventBatches batches, JsonMapper mapper, CampaignBonuses bonuses) {
        this.batches = batches;
        this.mapper = mapper;
        this.bonuses = bonuses;
    }

    @KafkaListener(
            id = "points-campaign-bonus",
            groupId = "${spring.application.name}.campaign-bonus",
            topics = Topics.COUPON,
            batch = "true")
    void onRewards(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                REWARDS,
                records,
                this::reward,
                EventBatches.NO_EVENT,
                rewards -> rewards.forEach(r -> bonuses.rewarded(r.value())));
    }

    @KafkaListener(
            id = "points-campaign-bonus-orders",
            groupId = "${spring.application.name}.campaign-bonus-orders",
            topics = Topics.ORDER,
            batch = "true")
    void onOrders(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                ORDERS,
                records,
                this::order,
                EventBatches.NO_EVENT,
                orders -> bonuses.ordersCompleted(
                        orders.stream().map(EventBatches.Read::value).toList()));
    }

    private @Nullable CampaignRewarded reward(EventEnvelope envelope) {
        if (!envelope.is(CampaignRewarded.class)) {
            return null;
        }
        try {
            CampaignRewarded e = envelope.dataAs(CampaignRewarded.class, mapper);
            if (!CampaignRewarded.BONUS_POINTS.equals(e.action())) {
                return null;
            }
            Long points = e.points();
            Integer bp = e.multiplierBp();
            boolean fixed = points != null && points > 0 && bp == null;
            boolean window = points == null && bp != null && bp > 10_000 && e.windowEndsAt() != null;
            if (!fixed && !window) {
                throw new MalformedEventException(
                        "BONUS_POINTS needs points > 0, or multiplierBp > 10000 and windowEndsAt");
            }
            if (e.campaignId().length() > 64
                    || e.occurrence().length() > 128
                    || e.fundingBu().length() > 32
                    || e.memberId().length() > 64
                    || (e.orderId() != null && e.orderId().length() > 128)) {
                throw new MalformedEventException("campaign.rewarded ids too long");
            }
            return e;
        } catch (JacksonException | NullPointerException e) {
            throw new MalformedEventException("campaign.rewarded payload unreadable: " + e.getMessage());
        }
    }

    private @Nullable OrderCompleted order(EventEnvelope envelope) {
        if (!envelope.is(OrderCompleted.class)) {
            return null;
        }
        try {
            return envelope.dataAs(OrderCompleted.class, mapper);
        } catch (JacksonException e) {
            throw new MalformedEventException("order.completed payload unreadable: " + e.getOriginalMessage());
        }
    }
}
