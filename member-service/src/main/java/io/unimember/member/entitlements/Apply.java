package io.unimember.member.entitlements;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.inbox.EventInbox;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Applies an event through the inbox, waiting out a database that is briefly away (up to about half a minute)
 * instead of letting the listener's few quick retries send a perfectly good event to the dead-letter topic: the
 * view would miss it for good. The partition waits meanwhile, which keeps each member's events in order.
 */
@Component
class Apply {

    private static final Logger log = LoggerFactory.getLogger(Apply.class);
    private static final int ATTEMPTS = 10;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final EventInbox inbox;

    Apply(EventInbox inbox) {
        this.inbox = inbox;
    }

    void once(String consumer, EventEnvelope event, Runnable change) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                inbox.applyOnce(consumer, event, change);
                return;
            } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.warn(
                        "applying {} {} failed ({}), retry {} in {}",
                        event.type(),
                        event.eventId(),
                        e.getMessage(),
                        attempt,
                        pause);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
