package io.unimember.common.outbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again what the outbox could not deliver (Kafka down, a failed send), so events publish once Kafka returns.
 * Consumers are idempotent, so a second send from another instance is harmless.
 */
public class OutboxResubmission {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    public OutboxResubmission(IncompleteEventPublications incomplete, Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(
            fixedDelayString = "${unimember.outbox.resubmit-every:PT10S}",
            initialDelayString = "${unimember.outbox.resubmit-every:PT10S}")
    public void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("outbox resubmission failed, will try again: {}", e.toString());
        }
    }
}
