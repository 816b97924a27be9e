package io.unimember.settlement.journal;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the journal from coupon and points events, each applied once (the inbox records the event id in the
 * posting's transaction). Its own consumer group, so the reconciliation tally reads the same events independently.
 */
@Component
class JournalListener {

    static final String CONSUMER = "settlement-service.journal";

    private final EventCodec codec;
    private final EventInbox inbox;
    private final RedemptionReader reader;
    private final Journal journal;

    JournalListener(EventCodec codec, EventInbox inbox, RedemptionReader reader, Journal journal) {
        this.codec = codec;
        this.inbox = inbox;
        this.reader = reader;
        this.journal = journal;
    }

    @KafkaListener(
            id = "settlement-journal",
            topics = {Topics.COUPON, Topics.POINTS},
            groupId = "${spring.application.name}.journal")
    void on(String json) {
        EventEnvelope event = codec.parse(json);
        reader.read(event).ifPresent(redemption -> inbox.applyOnce(CONSUMER, event, () -> journal.post(redemption)));
    }
}
