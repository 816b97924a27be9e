package io.unimember.tier;

import static org.awaitility.Awaitility.await;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.TierChanged;
import io.unimember.common.events.TierGrowthChanged;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What tier-service's integration tests share: sending events, reading what tier-service published. */
@Component
public class TierTestSupport {

    /** A tier event as published: the envelope and its payload, TierChanged or TierGrowthChanged. */
    public record Published(EventEnvelope envelope, DomainEvent event) {

        public TierChanged changed() {
            return (TierChanged) event;
        }

        public boolean isChange() {
            return event instanceof TierChanged;
        }

        public long version() {
            return event instanceof TierChanged c ? c.version() : ((TierGrowthChanged) event).version();
        }
    }

    private final JsonMapper mapper;
    private final EventCodec codec;
    private final JdbcClient jdbc;

    TierTestSupport(JsonMapper mapper, EventCodec codec, JdbcClient jdbc) {
        this.mapper = mapper;
        this.codec = codec;
        this.jdbc = jdbc;
    }

    public String envelope(DomainEvent event) {
        return codec.toJson(EventEnvelope.wrap(event, "test", Instant.now(), mapper));
    }

    /** Sends the event to its topic keyed by member; returns the exact JSON sent, to deliver again. */
    public String send(DomainEvent event) {
        String json = envelope(event);
        TestKafka.send(codec.parse(json).topic(), event.memberId(), json);
        return json;
    }

    public void sendAgain(String topic, String memberId, String json) {
        TestKafka.send(topic, memberId, json);
    }

    /** The member's tier events on Kafka, in version order, once at least {@code atLeast} are there. */
    public List<Published> tierEvents(String memberId, int atLeast) {
        return TestKafka.records(Topics.TIER, v -> v.contains(memberId), atLeast, Duration.ofSeconds(30)).stream()
                .map(r -> codec.parse(r.value()))
                .map(e -> new Published(
                        e,
                        e.type().equals("tier.changed")
                                ? e.dataAs(TierChanged.class, mapper)
                                : e.dataAs(TierGrowthChanged.class, mapper)))
                .sorted(Comparator.comparingLong(Published::version))
                .toList();
    }

    public long version(String memberId) {
        return jdbc.sql("SELECT version FROM member_tier WHERE member_id = ?")
                .param(memberId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    public String tierOf(String memberId) {
        return jdbc.sql("SELECT tier_code FROM member_tier WHERE member_id = ?")
                .param(memberId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    public long storedGrowth(String memberId) {
        return jdbc.sql("SELECT growth FROM member_tier WHERE member_id = ?")
                .param(memberId)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    public boolean orderRecorded(String bu, String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM growth_entry WHERE bu = ? AND order_id = ?")
                        .params(bu, orderId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Waits until everything the outbox holds has gone to Kafka, before a test moves the clock. */
    public void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
                                .query(Integer.class)
                                .single()
                        == 0);
    }
}
