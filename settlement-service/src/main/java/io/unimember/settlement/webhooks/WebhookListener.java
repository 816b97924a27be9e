package io.unimember.settlement.webhooks;

import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.EventBatches.Read;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the deliveries each batch of events owes to endpoints, in the batch's transaction. The inbox records none
 * of these events: a delivery is unique per endpoint and event, and the relations learnt are inserts that ignore a
 * row already there, so an event delivered again changes nothing (decision 0061). Its own consumer group: a slow or failing
 * receiver never holds back the journal, and the journal never holds back webhooks.
 */
@Component
class WebhookListener {

    static final String CONSUMER = "settlement-service.webhooks";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final Fanout fanout;

    WebhookListener(EventBatches batches, JsonMapper mapper, Fanout fanout) {
        this.batches = batches;
        this.mapper = mapper;
        this.fanout = fanout;
    }

    @KafkaListener(
            id = "settlement-webhooks",
            topics = {Topics.POINTS, Topics.COUPON, Topics.TIER, Topics.MEMBERSHIP},
            groupId = "${spring.application.name}.webhooks",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                event -> Concern.of(event, mapper),
                EventBatches.NO_EVENT,
                concerns -> fanout.enqueue(concerns.stream().map(Read::value).toList()));
    }
}
