package io.unimember.tier.paidmembership;

import io.unimember.common.events.CouponRedeemed;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@code coupon.redeemed} of a plan's coupons, as benefits used (each event applied once). */
@Component
class CouponEventsListener {

    static final String CONSUMER = "tier-service.paid-membership.coupons";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final PackCouponUses uses;

    CouponEventsListener(EventBatches batches, JsonMapper mapper, PackCouponUses uses) {
        this.batches = batches;
        this.mapper = mapper;
        this.uses = uses;
    }

    @KafkaListener(id = "tier-membership-coupons", idIsGroup = false, topics = Topics.COUPON, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                e -> {
                    if (!e.is(CouponRedeemed.class)) {
                        return null;
                    }
                    try {
                        return e.dataAs(CouponRedeemed.class, mapper);
                    } catch (JacksonException bad) {
                        throw new MalformedEventException("coupon.redeemed payload: " + bad.getOriginalMessage());
                    }
                },
                redeemed -> redeemed.forEach(r -> uses.redeemed(r.value())));
    }
}
