package io.unimember.points.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The leader/follower group commit with real threads, without Spring or a database. */
class GroupCommitTests {

    /** A batch function that takes a while, doubles each item and remembers what ran together and on which lane. */
    private static final class SlowDoubler {
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        List<Integer> apply(List<Integer> items) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5); // the database round trips of a batch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            batches.add(List.copyOf(items));
            return items.stream().map(i -> i * 2).toList();
        }
    }

    @Test
    void everyCallerGetsItsOwnResultAndCallsArrivingTogetherShareABatch() throws Exception {
        SlowDoubler doubler = new SlowDoubler();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(1, 16, i -> 0, doubler::apply);

        List<Integer> results = submitAll(commit, 200, 32);

        assertThat(results)
                .isEqualTo(IntStream.range(0, 200).map(i -> i * 2).boxed().toList());
        assertThat(doubler.batches.stream().mapToInt(List::size).sum()).isEqualTo(200);
        assertThat(doubler.batches).allSatisfy(b -> assertThat(b).hasSizeBetween(1, 16));
        // 32 callers and a 5 ms batch: while one batch runs the others queue, so batches grow well past one
        assertThat(doubler.batches.size()).isLessThan(100);
        assertThat(doubler.mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aCallAloneIsABatchOfOne() {
        SlowDoubler doubler = new SlowDoubler();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(1, 16, i -> 0, doubler::apply);

        assertThat(commit.submit(21)).isEqualTo(42);
        assertThat(commit.submit(4)).isEqualTo(8);
        assertThat(doubler.batches).containsExactly(List.of(21), List.of(4));
    }

    @Test
    void lanesRunSideBySideAndAKeyAlwaysUsesTheSameOne() throws Exception {
        SlowDoubler doubler = new SlowDoubler();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(2, 16, i -> i % 2, doubler::apply);

        List<Integer> results = submitAll(commit, 200, 32);

        assertThat(results)
                .isEqualTo(IntStream.range(0, 200).map(i -> i * 2).boxed().toList());
        // even and odd items never share a batch, and the two lanes' batches overlapped at some point
        assertThat(doubler.batches)
                .allSatisfy(
                        b -> assertThat(b.stream().map(i -> i % 2).distinct()).hasSize(1));
        assertThat(doubler.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aBatchThatThrowsLeavesItsItemsToTheirCallersAndStrandsNobody() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(1, 8, i -> 0, items -> {
            if (calls.incrementAndGet() % 2 == 1) {
                throw new IllegalStateException("deadlock found when trying to get lock");
            }
            return items.stream().map(i -> i * 2).toList();
        });

        List<Integer> results = submitAll(commit, 100, 16);

        assertThat(results).hasSize(100).contains((Integer) null);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) != null) {
                assertThat(results.get(i)).isEqualTo(i * 2);
            }
        }
    }

    @Test
    void aNullResultMeansTheCallerDoesItAlone() {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(1, 8, i -> 0, items -> items.stream()
                .map(i -> i == 7 ? null : i)
                .toList());

        assertThat(commit.submit(7)).isNull();
        assertThat(commit.submit(8)).isEqualTo(8);
    }

    @Test
    void anInterruptedCallerStillGetsItsResultAndKeepsItsInterrupt() throws Exception {
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(1, 8, i -> 0, items -> {
            if (items.contains(1)) {
                leaderInside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return items;
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> leader = pool.submit(() -> commit.submit(1));
            leaderInside.await(10, TimeUnit.SECONDS);
            var interruptedAfter = new ConcurrentHashMap<String, Boolean>();
            Thread follower = Thread.ofPlatform().start(() -> {
                Integer result = commit.submit(2);
                interruptedAfter.put("result-" + result, Thread.currentThread().isInterrupted());
            });
            // interrupted while it waits behind the leader: the interrupt does not drop its order
            await().atMost(Duration.ofSeconds(10)).until(() -> follower.getState() == Thread.State.WAITING);
            follower.interrupt();
            release.countDown();
            follower.join(10_000);
            assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(interruptedAfter).containsEntry("result-2", true);
        }
    }

    private static List<Integer> submitAll(GroupCommit<Integer, Integer> commit, int count, int threads)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> futures = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return commit.submit(i);
                    }))
                    .toList();
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
