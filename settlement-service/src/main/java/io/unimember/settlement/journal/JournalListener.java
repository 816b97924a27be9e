package io.unimember.settlement.journal;

import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the journal from coupon and points events, each applied once (the inbox records the event id in the
 * posting's transaction). Its own consumer group, so the reconciliation tally reads the same events independently.
 */
@Component
class JournalListener {

    static final String CONSUMER = "settlement-service.journal";

    private final EventBatches batches;
    private final RedemptionReader reader;
    private final Journal journal;
    private final Reversals reversals;

    JournalListener(EventBatches batches, RedemptionReader reader, Journal journal, Reversals reversals) {
        this.batches = batches;
        this.reader = reader;
        this.journal = journal;
        this.reversals = reversals;
    }

    @KafkaListener(
            id = "settlement-journal",
            topics = {Topics.COUPON, Topics.POINTS},
            groupId = "${spring.application.name}.journal",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                event -> reader.entry(event).orElse(null),
                entries -> entries.forEach(e -> {
                    switch (e.value()) {
                        case Redemption r -> journal.post(r);
                        case Reversal r -> reversals.reverse(r);
                    }
                }));
    }
}
