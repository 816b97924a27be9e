package io.unimember.settlement.reconciliation;

import io.unimember.common.events.RewardKept;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The second consumer of redemption events, with its own consumer group and inbox name: it keeps the tally that
 * reconciliation holds the journal against, so a failure of the journal's consumer cannot hide itself.
 */
@Component
class TallyListener {

    static final String CONSUMER = "settlement-service.reconciliation";

    private final EventBatches batches;
    private final ReportReader reader;
    private final TallyRepository tally;
    private final Cases cases;
    private final Clock clock;

    TallyListener(EventBatches batches, ReportReader reader, TallyRepository tally, Cases cases, Clock clock) {
        this.batches = batches;
        this.reader = reader;
        this.tally = tally;
        this.cases = cases;
        this.clock = clock;
    }

    @KafkaListener(
            id = "settlement-reconciliation",
            topics = {Topics.COUPON, Topics.POINTS},
            groupId = "${spring.application.name}.reconciliation",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(
                CONSUMER,
                records,
                event -> {
                    RewardKept kept = cases.read(event);
                    if (kept != null) {
                        return new Tallied(List.of(), kept);
                    }
                    List<ReportedRedemption> rows = reader.read(event);
                    return rows.isEmpty() ? null : new Tallied(rows, null);
                },
                reports -> {
                    var now = clock.instant();
                    reports.forEach(r -> {
                        tally.record(r.value().rows(), now);
                        if (r.value().kept() != null) {
                            cases.record(r.envelope(), r.value().kept());
                        }
                    });
                });
    }

    /** What one event adds: redemption rows, or a case. */
    private record Tallied(List<ReportedRedemption> rows, @Nullable RewardKept kept) {}
}
