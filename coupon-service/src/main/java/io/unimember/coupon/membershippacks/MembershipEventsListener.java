package io.unimember.coupon.membershippacks;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.events.MembershipRenewed;
import io.unimember.common.events.MembershipTerms;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the paid members' packs from membership events, each applied once, issues the month's coupons on activation
 * and takes back the unused ones on a refund (in the same transaction as the event's inbox row, so a redelivery
 * issues or revokes nothing more).
 */
@Component
class MembershipEventsListener {

    static final String CONSUMER = "coupon-service.membership-packs";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final MembershipPacks packs;
    private final PackIssuing issuing;
    private final PackRevocation revocation;
    private final ZoneId zone;
    private final Clock clock;

    MembershipEventsListener(
            EventBatches batches,
            JsonMapper mapper,
            MembershipPacks packs,
            PackIssuing issuing,
            PackRevocation revocation,
            @Value("${unimember.coupon.allotment.zone:Asia/Shanghai}") ZoneId zone,
            Clock clock) {
        this.batches = batches;
        this.mapper = mapper;
        this.packs = packs;
        this.issuing = issuing;
        this.revocation = revocation;
        this.zone = zone;
        this.clock = clock;
    }

    @KafkaListener(id = "coupon-membership-packs", idIsGroup = false, topics = Topics.MEMBERSHIP, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(CONSUMER, records, this::read, events -> {
            Instant now = Times.now(clock);
            for (var read : events) {
                apply(read.value(), now);
            }
        });
    }

    private void apply(DomainEvent event, Instant now) {
        switch (event) {
            case MembershipActivated a -> {
                start(a.memberId(), a.terms(), a.version(), now);
                packs.find(a.memberId())
                        .filter(p -> p.endsAt().isAfter(now))
                        .ifPresent(p -> issuing.issue(
                                p, YearMonth.from(now.atZone(zone)).toString(), now));
            }
            case MembershipRenewed r -> start(r.memberId(), r.terms(), r.version(), now);
            case MembershipLapsed l -> packs.end(l.memberId(), l.endedAt(), l.version(), now);
            case MembershipRefunded r -> {
                packs.end(r.memberId(), r.endsAt(), r.version(), now);
                revocation.refunded(r, now);
            }
            default -> {}
        }
    }

    private void start(String memberId, MembershipTerms terms, long version, Instant now) {
        packs.apply(memberId, terms.planCode(), terms.purchaseId(), terms.coupons(), terms.endsAt(), version, now);
    }

    private @Nullable DomainEvent read(EventEnvelope event) {
        Class<? extends DomainEvent> type = event.is(MembershipActivated.class)
                ? MembershipActivated.class
                : event.is(MembershipRenewed.class)
                        ? MembershipRenewed.class
                        : event.is(MembershipLapsed.class)
                                ? MembershipLapsed.class
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
