package io.unimember.common.outbox.modulithpatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spring Modulith's publication store, with the two writes it makes per event after the event's transaction taken
 * off the send path.
 *
 * <p>Modulith 2.0.3 marks each publication {@code PROCESSING} in a transaction of its own before sending it, and
 * deletes it in another once Kafka acknowledged it: two transactions per event on top of the insert in the business
 * transaction, so an order with two events cost five commits where one did the business. Here:
 *
 * <ul>
 *   <li>{@code PROCESSING} is not written. Nothing reads it but the staleness check, and a publication left
 *       {@code PUBLISHED} by an instance that died mid-send is caught by the same check
 *       ({@code spring.modulith.events.staleness.published}) and resent.
 *   <li>An acknowledged publication's id goes on a queue, and one {@code outbox-completed} thread deletes what has
 *       gathered in one statement per batch (at most {@code maxBatch} ids). At low load a batch is one id and the
 *       delete follows the acknowledgement within milliseconds; under load a batch grows and the cost per event
 *       falls. If the delete fails (database away) the ids go back on the queue and are tried again a second later.
 * </ul>
 *
 * <p>What this gives up is bounded: an id on the queue when the process dies is not deleted, so its event is sent
 * again on restart (republish-outstanding-events-on-restart), and consumers drop the copy (every consumer has an
 * inbox). Nothing is lost. When the queue is full, or after shutdown began, completions are deleted at once, as
 * Modulith would.
 *
 * <p>With {@link PublicationInserts}, the inserts too: a transaction's publications are written with one statement
 * just before it commits.
 */
final class BatchedCompletions implements EventPublicationRepository, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchedCompletions.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final EventPublicationRepository delegate;
    private final @Nullable PublicationInserts inserts;
    private final TransactionOperations tx;
    private final int maxBatch;
    private final BlockingQueue<UUID> completed;
    private final Thread flusher;
    private volatile boolean running = true;
    private long lastWarned = System.nanoTime() - TimeUnit.SECONDS.toNanos(11);

    BatchedCompletions(
            EventPublicationRepository delegate,
            @Nullable PublicationInserts inserts,
            TransactionOperations tx,
            int maxBatch,
            int capacity) {
        this.delegate = delegate;
        this.inserts = inserts;
        this.tx = tx;
        this.maxBatch = maxBatch;
        this.completed = new LinkedBlockingQueue<>(capacity);
        this.flusher = Thread.ofPlatform().name("outbox-completed").daemon().unstarted(this::flushWhileRunning);
        this.flusher.start();
    }

    /** Written with the transaction's other publications just before it commits, when it has one. */
    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        if (inserts != null && inserts.defer(publication)) {
            return publication;
        }
        return delegate.create(publication);
    }

    @Override
    public void markProcessing(UUID identifier) {
        // not written: see the class comment (the staleness check covers an instance dying mid-send)
    }

    @Override
    public void markCompleted(TargetEventPublication publication, Instant completionDate) {
        markCompleted(publication.getIdentifier(), completionDate);
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        if (!running || !completed.offer(identifier)) {
            delegate.markCompleted(identifier, completionDate);
        }
    }

    /** How many acknowledged publications wait to be deleted. */
    int pending() {
        return completed.size();
    }

    private void flushWhileRunning() {
        List<UUID> batch = new ArrayList<>(maxBatch);
        while (running || !completed.isEmpty()) {
            try {
                UUID first = completed.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                completed.drainTo(batch, maxBatch - 1);
                delete(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                warnAtMostEvery10s(batch.size(), e);
                batch.forEach(id -> {
                    if (!completed.offer(id)) {
                        log.debug("outbox: completion of {} dropped, its event will be sent again", id);
                    }
                });
                sleepQuietly(RETRY_AFTER);
            } finally {
                batch.clear();
            }
        }
    }

    private void delete(List<UUID> ids) {
        tx.executeWithoutResult(status -> delegate.deletePublications(List.copyOf(ids)));
    }

    private void warnAtMostEvery10s(int count, RuntimeException e) {
        long now = System.nanoTime();
        if (now - lastWarned > TimeUnit.SECONDS.toNanos(10)) {
            lastWarned = now;
            log.warn("outbox: could not delete {} sent publications, will try again: {}", count, e.toString());
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking completions on the queue and deletes what is on it before the database goes away. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        flusher.join(Duration.ofSeconds(5));
    }

    // everything else is Modulith's own

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        delegate.markCompleted(event, identifier, completionDate);
    }

    @Override
    public void markFailed(UUID identifier) {
        delegate.markFailed(identifier);
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        return delegate.markResubmitted(identifier, resubmissionDate);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return delegate.findIncompletePublications();
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return delegate.findIncompletePublicationsPublishedBefore(instant);
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(
            Object event, PublicationTargetIdentifier targetIdentifier) {
        return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return delegate.findCompletedPublications();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        delegate.deletePublications(identifiers);
    }

    @Override
    public void deleteCompletedPublications() {
        delegate.deleteCompletedPublications();
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        delegate.deleteCompletedPublicationsBefore(instant);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        return delegate.findFailedPublications(criteria);
    }

    @Override
    public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
        return delegate.findByStatus(status);
    }

    @Override
    public int countByStatus(EventPublication.Status status) {
        return delegate.countByStatus(status);
    }
}
