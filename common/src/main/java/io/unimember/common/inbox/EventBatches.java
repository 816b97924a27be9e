package io.unimember.common.inbox;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.unimember.common.events.EventEnvelope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of records from a batch listener in one transaction: the inbox is checked and written for the
 * whole batch with one statement each, the consumer's change gets every event new to it at once (in partition order),
 * and the events the change publishes are written to the outbox together just before the commit.
 *
 * <p>A record that cannot be applied never fails its batch-mates. A batch whose transaction fails is applied again
 * one record per transaction; the first record that fails there is reported to the container's error handler with
 * its index ({@link BatchListenerFailedException}), which commits the records before it, retries from it and, once
 * its retries are spent, sends it alone to its dead-letter topic. A record that is no event ({@link
 * MalformedEventException}) is reported the same way after the records before it were applied. A dependency that is
 * away (the database) fails the first record too, and the error handler waits for it to return.
 */
public class EventBatches {

    /** The inbox records every event: the consumer's change may be applied only once. */
    public static final Predicate<EventEnvelope> EVERY_EVENT = e -> true;

    /** The inbox records none: every effect of the consumer is unique per event already. */
    public static final Predicate<EventEnvelope> NO_EVENT = e -> false;

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

    private final EventCodec codec;
    private final EventInbox inbox;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Map<String, DistributionSummary> sizes = new ConcurrentHashMap<>();

    public EventBatches(EventCodec codec, EventInbox inbox, TransactionTemplate tx, @Nullable MeterRegistry meters) {
        this.codec = codec;
        this.inbox = inbox;
        this.tx = tx;
        this.meters = meters == null ? Metrics.globalRegistry : meters;
    }

    /** An event of the batch as the consumer reads it, with the envelope it came in. */
    public record Read<T>(EventEnvelope envelope, T value) {}

    /**
     * Applies each record of the batch once for {@code consumer}.
     *
     * @param read turns an envelope into what the consumer applies, or null for an event it does not use (not
     *     recorded); throws {@link MalformedEventException} for an event that can never be applied
     * @param apply runs inside the batch's transaction with the events this consumer has not applied yet, in order
     */
    public <T> void apply(
            String consumer,
            List<ConsumerRecord<String, String>> records,
            Function<EventEnvelope, @Nullable T> read,
            Consumer<List<Read<T>>> apply) {
        apply(consumer, records, read, EVERY_EVENT, apply);
    }

    /**
     * The same, recording in the inbox only the events {@code recorded} names. An event it does not record must
     * change nothing when applied again: a projection guarded by the event's version, an insert unique per event.
     * Each such event skips the inbox's two statements and its row (decision 0061).
     */
    public <T> void apply(
            String consumer,
            List<ConsumerRecord<String, String>> records,
            Function<EventEnvelope, @Nullable T> read,
            Predicate<EventEnvelope> recorded,
            Consumer<List<Read<T>>> apply) {
        List<Indexed<T>> batch = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            T value;
            EventEnvelope envelope;
            try {
                envelope = codec.parse(record.value());
                value = read.apply(envelope);
            } catch (MalformedEventException | IllegalArgumentException e) {
                applyAll(consumer, batch, recorded, apply);
                throw new BatchListenerFailedException(
                        "record " + i + " of the batch is not an event " + consumer + " can apply",
                        e instanceof MalformedEventException ? e : new MalformedEventException(e.getMessage()),
                        record);
            }
            if (value != null) {
                batch.add(new Indexed<>(record, new Read<>(envelope, value)));
            }
        }
        applyAll(consumer, batch, recorded, apply);
    }

    /**
     * The same, for a consumer whose change is one action per event: {@code change} turns an envelope into the
     * action (or null for an event it does not use), and the batch's new events' actions run in order in its
     * transaction.
     */
    public void applyEach(
            String consumer,
            List<ConsumerRecord<String, String>> records,
            Function<EventEnvelope, @Nullable Runnable> change) {
        apply(
                consumer,
                records,
                change,
                actions -> actions.forEach(a -> a.value().run()));
    }

    private <T> void applyAll(
            String consumer, List<Indexed<T>> batch, Predicate<EventEnvelope> recorded, Consumer<List<Read<T>>> apply) {
        if (batch.isEmpty()) {
            return;
        }
        sizes.computeIfAbsent(consumer, c -> DistributionSummary.builder("unimember.consumer.batch.size")
                        .description("events applied together in one transaction")
                        .tag("consumer", c)
                        .register(meters))
                .record(batch.size());
        try {
            inTransaction(consumer, batch, recorded, apply);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                throw new BatchListenerFailedException(
                        "applying the event failed",
                        batchFailed,
                        batch.getFirst().record());
            }
            meters.counter("unimember.consumer.batch.split", "consumer", consumer)
                    .increment();
            log.info(
                    "{}: a batch of {} failed ({}), applying its events one by one",
                    consumer,
                    batch.size(),
                    batchFailed.toString());
            for (Indexed<T> one : batch) {
                try {
                    inTransaction(consumer, List.of(one), recorded, apply);
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("applying the event failed", e, one.record());
                }
            }
        }
    }

    private <T> void inTransaction(
            String consumer, List<Indexed<T>> batch, Predicate<EventEnvelope> recorded, Consumer<List<Read<T>>> apply) {
        Integer applied = tx.execute(status -> {
            List<Read<T>> reads = batch.stream().map(Indexed::read).toList();
            Set<UUID> fresh = inbox.markNew(
                    consumer,
                    reads.stream().map(Read::envelope).filter(recorded).toList());
            // an event delivered twice in one batch is applied at its first place; members in id order, each member's
            // events in their partition's order, so that two batches lock the same members in the same order
            Set<UUID> inBatch = new HashSet<>();
            List<Read<T>> toApply = reads.stream()
                    .filter(r -> inBatch.add(r.envelope().eventId())
                            && (fresh.contains(r.envelope().eventId()) || !recorded.test(r.envelope())))
                    .sorted(Comparator.comparing(r -> r.envelope().memberId()))
                    .toList();
            if (!toApply.isEmpty()) {
                apply.accept(toApply);
            }
            return toApply.size();
        });
        int dropped = batch.size() - (applied == null ? 0 : applied);
        if (dropped > 0) {
            meters.counter("unimember.consumer.duplicates", "consumer", consumer)
                    .increment(dropped);
        }
    }

    private record Indexed<T>(ConsumerRecord<String, String> record, Read<T> read) {}
}
