package io.unimember.coupon.campaigns;

import io.unimember.common.events.BalanceChange;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.EventTypes;
import io.unimember.common.events.MemberBirthdayChanged;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@link MemberFacts}: registrations and birthdays from member-service, expiring points from every balance
 * change of points-service. None is recorded in the inbox (decision 0061): a registration or a birthday written again
 * is the same row, and an expiring snapshot is applied only over an older version. The points listener is a group of
 * its own, so the exchange saga's consumer of the same topic is not slowed by it.
 */
@Component
class MemberFactsListeners {

    static final String MEMBERS = "coupon-service.campaign-members";
    static final String POINTS = "coupon-service.campaign-points";

    private final EventBatches batches;
    private final JsonMapper mapper;
    private final MemberFacts facts;
    private final Clock clock;

    MemberFactsListeners(EventBatches batches, JsonMapper mapper, MemberFacts facts, Clock clock) {
        this.batches = batches;
        this.mapper = mapper;
        this.facts = facts;
        this.clock = clock;
    }

    @KafkaListener(id = "coupon-campaign-members", idIsGroup = false, topics = Topics.MEMBER, batch = "true")
    void onMembers(List<ConsumerRecord<String, String>> records) {
        batches.apply(MEMBERS, records, this::member, EventBatches.NO_EVENT, events -> {
            Map<String, Instant> registered = new LinkedHashMap<>();
            Map<String, @Nullable String> birthdays = new LinkedHashMap<>();
            for (var e : events) {
                switch (e.value()) {
                    case MemberRegistered r -> registered.put(r.memberId(), r.registeredAt());
                    case MemberBirthdayChanged b -> birthdays.put(b.memberId(), b.monthDay());
                    default -> throw new IllegalStateException("not a member event: " + e.value());
                }
            }
            var now = Times.now(clock);
            if (!registered.isEmpty()) {
                facts.registered(registered, now);
            }
            if (!birthdays.isEmpty()) {
                facts.birthdays(birthdays, now);
            }
        });
    }

    @KafkaListener(
            id = "coupon-campaign-points",
            groupId = "${spring.application.name}.campaign-points",
            topics = Topics.POINTS,
            batch = "true")
    void onPoints(List<ConsumerRecord<String, String>> records) {
        batches.apply(POINTS, records, this::balance, EventBatches.NO_EVENT, events -> {
            Map<String, MemberFacts.Expiring> newest = new HashMap<>();
            for (var e : events) {
                BalanceChange c = e.value();
                var snapshot = new MemberFacts.Expiring(
                        c.memberId(), c.balance().version(), c.balance().expiring());
                newest.merge(c.memberId(), snapshot, (a, b) -> a.version() >= b.version() ? a : b);
            }
            facts.expiring(newest.values());
        });
    }

    private @Nullable Object member(EventEnvelope envelope) {
        try {
            if (envelope.is(MemberRegistered.class)) {
                return envelope.dataAs(MemberRegistered.class, mapper);
            }
            if (envelope.is(MemberBirthdayChanged.class)) {
                MemberBirthdayChanged changed = envelope.dataAs(MemberBirthdayChanged.class, mapper);
                checkMonthDay(changed.monthDay());
                return changed;
            }
            return null;
        } catch (JacksonException e) {
            throw new MalformedEventException(envelope.type() + " payload unreadable: " + e.getOriginalMessage());
        }
    }

    private @Nullable BalanceChange balance(EventEnvelope envelope) {
        var type = EventTypes.classOf(envelope.type(), BalanceChange.class);
        if (type.isEmpty()) {
            return null;
        }
        try {
            BalanceChange change = envelope.dataAs(type.get(), mapper);
            if (change.balance() == null || change.balance().expiring() == null) {
                return null; // an event without a balance says nothing about expiry
            }
            return change;
        } catch (JacksonException e) {
            throw new MalformedEventException(envelope.type() + " payload unreadable: " + e.getOriginalMessage());
        }
    }

    private static void checkMonthDay(@Nullable String monthDay) {
        if (monthDay != null && !monthDay.matches("(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")) {
            throw new MalformedEventException("member.birthday_changed monthDay is not MM-DD: " + monthDay);
        }
    }
}
