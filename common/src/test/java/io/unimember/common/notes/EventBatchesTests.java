package io.unimember.common.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventBatches;
import io.unimember.common.inbox.EventCodec;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.testsupport.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch listener's records applied once in effect however Kafka hands them over again: the same batch twice (a
 * consumer that died before committing its offsets), and one batch split between two consumers at once (a
 * rebalance that moved the partition while the old owner was still applying it).
 */
@IntegrationTest
class EventBatchesTests {

    @Autowired
    EventBatches batches;

    @Autowired
    EventCodec codec;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notes.NoteListener listener;

    @Test
    void theSameBatchDeliveredTwiceIsAppliedOnce() {
        String prefix = "b-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> batch = records(prefix, 5, 4);

        batches.apply("batch-twice-" + prefix, batch, e -> e, listener::count);
        batches.apply("batch-twice-" + prefix, batch, e -> e, listener::count);

        for (int m = 0; m < 5; m++) {
            assertThat(seen(prefix + "-" + m)).as("member %d", m).isEqualTo(4);
        }
    }

    @Test
    void onlyTheEventsTheConsumerNamesAreRecordedAndAppliedOnceTheOthersAreAppliedAsTheyCome() {
        String prefix = "r-" + UUID.randomUUID();
        String consumer = "batch-recorded-" + prefix;
        List<ConsumerRecord<String, String>> batch = records(prefix, 4, 1);
        String recordedMember = prefix + "-1";
        Predicate<EventEnvelope> recorded = e -> e.memberId().equals(recordedMember);

        batches.apply(consumer, batch, e -> e, recorded, listener::count);
        batches.apply(consumer, batch, e -> e, recorded, listener::count);

        // the recorded event once, each of the others every time it comes (their consumer's effect is idempotent)
        assertThat(seen(recordedMember)).isEqualTo(1);
        for (int m : new int[] {0, 2, 3}) {
            assertThat(seen(prefix + "-" + m)).as("member %d", m).isEqualTo(2);
        }
        assertThat(jdbc.sql("SELECT event_id FROM processed_event WHERE consumer = ?")
                        .param(consumer)
                        .query(String.class)
                        .list())
                .containsExactly(eventIdOf(batch.get(1)));
    }

    @Test
    void anUnrecordedEventTwiceInOneBatchIsAppliedAtItsFirstPlaceOnly() {
        String prefix = "u-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> once = records(prefix, 2, 1);
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(once);
        batch.addAll(once);

        batches.apply("batch-unrecorded-" + prefix, batch, e -> e, EventBatches.NO_EVENT, listener::count);

        assertThat(seen(prefix + "-0")).isEqualTo(1);
        assertThat(seen(prefix + "-1")).isEqualTo(1);
    }

    @Test
    void aBatchSplitBetweenTwoConsumersAtOnceIsAppliedOnce() throws Exception {
        String prefix = "s-" + UUID.randomUUID();
        String consumer = "batch-split-" + prefix;
        List<ConsumerRecord<String, String>> batch = records(prefix, 6, 5); // 30 records
        List<ConsumerRecord<String, String>> oldOwner = batch.subList(0, 20);
        List<ConsumerRecord<String, String>> newOwner = batch.subList(10, 30);
        var together = new CyclicBarrier(2);

        // two threads of their own (the common pool has one worker on a 2-core box, and both must wait together)
        try (var consumers = Executors.newFixedThreadPool(2)) {
            Future<?> first = consumers.submit(() -> {
                await(together);
                batches.apply(consumer, oldOwner, e -> e, listener::count);
            });
            Future<?> second = consumers.submit(() -> {
                await(together);
                batches.apply(consumer, newOwner, e -> e, listener::count);
            });
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        }

        for (int m = 0; m < 6; m++) {
            assertThat(seen(prefix + "-" + m)).as("member %d", m).isEqualTo(5);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ?")
                        .param(consumer)
                        .query(Integer.class)
                        .single())
                .isEqualTo(30);
    }

    @Test
    void aRecordThatIsNoEventIsReportedByItselfAfterTheRecordsBeforeItApplied() {
        String prefix = "p-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records(prefix, 3, 1));
        var poison = new ConsumerRecord<>(Topics.MEMBER, 0, 99L, prefix, "{not json");
        batch.add(1, poison);

        assertThatThrownBy(() -> batches.apply("batch-poison-" + prefix, batch, e -> e, listener::count))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(poison);
                    assertThat(e.getCause()).isInstanceOf(MalformedEventException.class);
                });
        assertThat(seen(prefix + "-0")).isEqualTo(1);
        assertThat(seen(prefix + "-1")).isZero();
    }

    @Test
    void aBatchThatFailsIsAppliedOneByOneAndTheFailingRecordIsNamed() {
        String prefix = "f-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> batch = records(prefix, 4, 1);
        String bad = prefix + "-2";

        assertThatThrownBy(() -> batches.apply("batch-fails-" + prefix, batch, e -> e, events -> {
                    events.forEach(read -> {
                        if (read.envelope().memberId().equals(bad)) {
                            throw new IllegalStateException("this event cannot be applied");
                        }
                    });
                    listener.count(events);
                }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getRecord())
                        .isSameAs(batch.get(2)));
        // its batch-mates before it were applied, each in a transaction of its own; nothing of the failing one
        assertThat(seen(prefix + "-0")).isEqualTo(1);
        assertThat(seen(prefix + "-1")).isEqualTo(1);
        assertThat(seen(bad)).isZero();
    }

    /** {@code members} members with {@code each} events each, interleaved as one partition would carry them. */
    private List<ConsumerRecord<String, String>> records(String prefix, int members, int each) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int e = 0; e < each; e++) {
            for (int m = 0; m < members; m++) {
                String memberId = prefix + "-" + m;
                var envelope =
                        EventEnvelope.wrap(new MemberRegistered(memberId, Instant.now()), "test", Instant.now(), json);
                records.add(new ConsumerRecord<>(Topics.MEMBER, 0, records.size(), memberId, codec.toJson(envelope)));
            }
        }
        return records;
    }

    private String eventIdOf(ConsumerRecord<String, String> record) {
        return codec.parse(record.value()).eventId().toString();
    }

    private int seen(String memberId) {
        return jdbc.sql("SELECT COALESCE(MAX(times), 0) FROM note_seen WHERE member_id = ?")
                .param(memberId)
                .query(Integer.class)
                .single();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
