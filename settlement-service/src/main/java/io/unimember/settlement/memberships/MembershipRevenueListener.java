package io.unimember.settlement.memberships;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.events.MembershipRenewed;
import io.unimember.common.events.MembershipTerms;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.settlement.journal.RevenuePostings;
import io.unimember.settlement.journal.RevenuePostings.Share;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts membership revenue from membership events, each applied once (inbox and the posting's unique event id): a
 * paid period's shares, owed by the paying BU to each sharing BU; a refund's shares, the same pairs negated. The
 * paying BU's own share settles nothing.
 */
@Component
class MembershipRevenueListener {

    static final String CONSUMER = "settlement-service.memberships";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final RevenuePostings postings;

    MembershipRevenueListener(EventBatches batches, JsonMapper mapper, RevenuePostings postings) {
        this.batches = batches;
        this.mapper = mapper;
        this.postings = postings;
    }

    @KafkaListener(
            id = "settlement-memberships",
            topics = Topics.MEMBERSHIP,
            groupId = "${spring.application.name}.memberships",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(CONSUMER, records, this::read, events -> events.forEach(e -> post(e.envelope(), e.value())));
    }

    private void post(EventEnvelope envelope, DomainEvent event) {
        switch (event) {
            case MembershipActivated a -> paid(envelope, a.memberId(), a.terms());
            case MembershipRenewed r -> paid(envelope, r.memberId(), r.terms());
            case MembershipRefunded r ->
                postings.post(
                        envelope.eventId(),
                        envelope.type(),
                        r.purchaseId(),
                        r.memberId(),
                        envelope.occurredAt(),
                        r.revenue().stream()
                                .map(s -> new Share(r.payingBu(), s.bu(), Math.negateExact(s.amountFen())))
                                .toList());
            default -> {}
        }
    }

    private void paid(EventEnvelope envelope, String memberId, MembershipTerms terms) {
        postings.post(
                envelope.eventId(),
                envelope.type(),
                terms.purchaseId(),
                memberId,
                envelope.occurredAt(),
                terms.revenue().stream()
                        .map(s -> new Share(terms.payingBu(), s.bu(), s.amountFen()))
                        .toList());
    }

    private @Nullable DomainEvent read(EventEnvelope event) {
        Class<? extends DomainEvent> type = event.is(MembershipActivated.class)
                ? MembershipActivated.class
                : event.is(MembershipRenewed.class)
                        ? MembershipRenewed.class
                        : event.is(MembershipRefunded.class) ? MembershipRefunded.class : null;
        if (type == null) {
            return null;
        }
        try {
            return event.dataAs(type, mapper);
        } catch (JacksonException e) {
            throw new MalformedEventException(event.type() + " without a readable payload: " + e.getOriginalMessage());
        }
    }
}
