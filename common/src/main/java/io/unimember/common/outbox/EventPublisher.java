package io.unimember.common.outbox;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way business code emits an event. The envelope is handed to Spring Modulith's event publication registry,
 * which stores it in {@code event_publication} inside the caller's transaction; after commit it is sent to Kafka,
 * and a publication that could not be sent is retried by {@link OutboxResubmission}. So an event exists if and only
 * if its change committed.
 */
public class EventPublisher {

    private final ApplicationEventPublisher publisher;
    private final JsonMapper mapper;
    private final Clock clock;
    private final String source;

    public EventPublisher(ApplicationEventPublisher publisher, JsonMapper mapper, Clock clock, String source) {
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = clock;
        this.source = source;
    }

    /** Records the event with the current transaction; there must be one, or the event could outlive a rollback. */
    public EventEnvelope publish(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are published inside the transaction of the change they describe");
        }
        EventEnvelope envelope = EventEnvelope.wrap(event, source, clock.instant(), mapper);
        publisher.publishEvent(envelope);
        return envelope;
    }
}
