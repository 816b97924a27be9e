package io.unimember.common.outbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again what the outbox could not deliver (Kafka down, a failed send), so events publish once Kafka returns.
 * Consumers are idempotent, so a second send from another instance is harmless. Bounded: at most {@code batchSize}
 * publications per round and {@code maxInFlight} sends outstanding, so a long outage's backlog drains steadily
 * instead of being queued into the producer all at once (which ran a service out of heap in the fault tests). A
 * round each second (two indexed queries), so the cadence never caps the drain at {@code batchSize} per 10 s; what
 * bounds it is the database write per resent event (marked resubmitted) and its share of {@link BatchedCompletions}'
 * batched delete (before those were batched: about 50 events/s on the shared 2-core box at load average 25–30,
 * docs/reliability.md).
 */
public class OutboxResubmission {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final ResubmissionOptions options;

    public OutboxResubmission(
            IncompleteEventPublications incomplete, Duration olderThan, int batchSize, int maxInFlight) {
        this.incomplete = incomplete;
        this.options = ResubmissionOptions.defaults()
                .withMinAge(olderThan)
                .withBatchSize(batchSize)
                .withMaxInFlight(maxInFlight);
    }

    @Scheduled(
            fixedDelayString = "${unimember.outbox.resubmit-every:PT1S}",
            initialDelayString = "${unimember.outbox.resubmit-every:PT1S}")
    public void resubmit() {
        try {
            incomplete.resubmitIncompletePublications(options);
        } catch (RuntimeException e) {
            log.warn("outbox resubmission failed, will try again: {}", e.toString());
        }
    }
}
