package io.unimember.common.outbox.modulithpatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.transaction.support.TransactionOperations;

class BatchedCompletionsTests {

    /** What reached Modulith's store: each call by method name, and every id deleted. */
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final Set<UUID> deleted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger deletesToFail = new AtomicInteger();
    /** Each delete waits for this first: lets a test hold the flusher in a delete while acknowledgements arrive. */
    private volatile CountDownLatch deletesMayRun = new CountDownLatch(0);

    private BatchedCompletions completions;

    @AfterEach
    void stop() throws InterruptedException {
        if (completions != null) {
            completions.destroy();
        }
    }

    @Test
    void aSentPublicationIsNeverMarkedProcessingAndIsDeleted() {
        completions = batched(100, 1_000);
        UUID id = UUID.randomUUID();

        completions.markProcessing(id);
        completions.markCompleted(id, Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> deleted.contains(id));
        assertThat(calls).containsOnly("deletePublications");
    }

    @Test
    void deletesWhatGatheredInBatchesOfAtMostMaxBatch() {
        completions = batched(50, 10_000);
        List<UUID> ids =
                IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()).toList();

        deletesMayRun = new CountDownLatch(1);
        ids.forEach(id -> completions.markCompleted(id, Instant.now()));
        deletesMayRun.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> deleted.containsAll(ids));
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 50));
        // 1,000 acknowledgements arrived while the first delete was held, so they gathered: far fewer statements
        assertThat(batchSizes.size()).isLessThan(500);
        assertThat(completions.pending()).isZero();
    }

    @Test
    void aFailedDeleteIsTriedAgainAndLosesNothing() {
        deletesToFail.set(2);
        completions = batched(100, 1_000);
        List<UUID> ids = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();

        ids.forEach(id -> completions.markCompleted(id, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deleted.containsAll(ids));
        assertThat(deletesToFail).hasValue(0);
    }

    @Test
    void whenTheQueueIsFullACompletionIsDeletedAtOnceAsModulithWould() {
        deletesToFail.set(Integer.MAX_VALUE); // the flusher cannot empty the queue
        completions = batched(1, 1);
        UUID queued = UUID.randomUUID();
        UUID overflow = UUID.randomUUID();

        completions.markCompleted(queued, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> calls.contains("deletePublications"));
        completions.markCompleted(UUID.randomUUID(), Instant.now()); // fills the queue while the flusher waits
        completions.markCompleted(overflow, Instant.now());

        assertThat(calls).contains("markCompleted");
        assertThat(deleted).contains(overflow);
    }

    @Test
    void shutdownDeletesWhatIsQueuedAndLaterCompletionsGoStraightThrough() throws InterruptedException {
        completions = batched(100, 1_000);
        List<UUID> ids = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        ids.forEach(id -> completions.markCompleted(id, Instant.now()));

        completions.destroy();
        UUID late = UUID.randomUUID();
        completions.markCompleted(late, Instant.now());

        assertThat(deleted).containsAll(ids).contains(late);
        assertThat(completions.pending()).isZero();
    }

    private BatchedCompletions batched(int maxBatch, int capacity) {
        return new BatchedCompletions(store(), null, TransactionOperations.withoutTransaction(), maxBatch, capacity);
    }

    /** Modulith's store as far as completions touch it; any other call is recorded too. */
    @SuppressWarnings("unchecked")
    private EventPublicationRepository store() {
        return (EventPublicationRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EventPublicationRepository.class}, (proxy, m, args) -> {
                    calls.add(m.getName());
                    switch (m.getName()) {
                        case "deletePublications" -> {
                            assertThat(deletesMayRun.await(30, TimeUnit.SECONDS))
                                    .isTrue();
                            if (deletesToFail.getAndUpdate(n -> n > 0 && n != Integer.MAX_VALUE ? n - 1 : n) > 0) {
                                throw new IllegalStateException("database away");
                            }
                            List<UUID> ids = (List<UUID>) args[0];
                            batchSizes.add(ids.size());
                            deleted.addAll(ids);
                        }
                        case "markCompleted" -> deleted.add((UUID) args[0]);
                        default -> {}
                    }
                    return null;
                });
    }
}
