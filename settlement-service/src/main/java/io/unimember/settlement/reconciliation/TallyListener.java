package io.unimember.settlement.reconciliation;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.inbox.EventInbox;
import java.time.Clock;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The second consumer of redemption events, with its own consumer group and inbox name: it keeps the tally that
 * reconciliation holds the journal against, so a failure of the journal's consumer cannot hide itself.
 */
@Component
class TallyListener {

    static final String CONSUMER = "settlement-service.reconciliation";

    private final EventCodec codec;
    private final EventInbox inbox;
    private final ReportReader reader;
    private final TallyRepository tally;
    private final Clock clock;

    TallyListener(EventCodec codec, EventInbox inbox, ReportReader reader, TallyRepository tally, Clock clock) {
        this.codec = codec;
        this.inbox = inbox;
        this.reader = reader;
        this.tally = tally;
        this.clock = clock;
    }

    @KafkaListener(
            id = "settlement-reconciliation",
            topics = {Topics.COUPON, Topics.POINTS},
            groupId = "${spring.application.name}.reconciliation")
    void on(String json) {
        EventEnvelope event = codec.parse(json);
        List<ReportedRedemption> rows = reader.read(event);
        if (!rows.isEmpty()) {
            inbox.applyOnce(CONSUMER, event, () -> tally.record(rows, clock.instant()));
        }
    }
}
