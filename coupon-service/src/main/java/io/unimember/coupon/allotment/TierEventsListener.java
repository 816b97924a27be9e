package io.unimember.coupon.allotment;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.inbox.EventInbox;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the member tier projection from tier.changed, each event applied once. */
@Component
class TierEventsListener {

    static final String CONSUMER = "coupon-service.allotment";

    private final EventCodec codec;
    private final EventInbox inbox;
    private final JsonMapper mapper;
    private final MemberTiers tiers;
    private final Clock clock;

    TierEventsListener(EventCodec codec, EventInbox inbox, JsonMapper mapper, MemberTiers tiers, Clock clock) {
        this.codec = codec;
        this.inbox = inbox;
        this.mapper = mapper;
        this.tiers = tiers;
        this.clock = clock;
    }

    @KafkaListener(id = "coupon-tiers", idIsGroup = false, topics = Topics.TIER)
    void on(String json) {
        EventEnvelope event = codec.parse(json);
        if (!event.is(TierChanged.class)) {
            return;
        }
        TierChanged changed;
        try {
            changed = event.dataAs(TierChanged.class, mapper);
        } catch (JacksonException e) {
            throw new MalformedEventException("tier.changed without a readable payload: " + e.getOriginalMessage());
        }
        inbox.applyOnce(CONSUMER, event, () -> tiers.apply(changed, Times.now(clock)));
    }
}
