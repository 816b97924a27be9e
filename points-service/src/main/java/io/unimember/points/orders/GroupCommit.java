package io.unimember.points.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Group commit without a thread of its own: callers queue their work, and one of them at a time — the leader —
 * takes everything queued (up to {@code maxBatch}) and runs it as one batch while the others wait; when it is done,
 * it wakes the oldest waiter, who leads the next batch with what queued up meanwhile. Under load a batch holds what
 * arrived during the previous one, so the work per item shrinks as the load grows; alone, a call is a batch of one.
 *
 * <p>Work is spread over {@code lanes} by a key (order intake uses the member id), each lane with its own queue and
 * leader, so a member's orders are always in one lane and batches of different lanes never wait for each other's
 * rows. The batch function returns one result per item, in order; {@code null} means "not in this batch": the
 * caller then does the work on its own. If the batch function throws, every item of the batch gets {@code null}.
 */
final class GroupCommit<I, R> {

    private static final class Pending<I, R> {
        final I item;
        final Thread waiter;
        volatile boolean done;

        @Nullable
        R result;

        Pending(I item, Thread waiter) {
            this.item = item;
            this.waiter = waiter;
        }

        void complete(@Nullable R value) {
            result = value;
            done = true;
            LockSupport.unpark(waiter);
        }
    }

    private static final class Lane<I, R> {
        final Queue<Pending<I, R>> queue = new ConcurrentLinkedQueue<>();
        final ReentrantLock leader = new ReentrantLock();
    }

    private final List<Lane<I, R>> lanes = new ArrayList<>();
    private final ToIntFunction<I> laneKey;
    private final Function<List<I>, List<@Nullable R>> batch;
    private final int maxBatch;

    GroupCommit(int lanes, int maxBatch, ToIntFunction<I> laneKey, Function<List<I>, List<@Nullable R>> batch) {
        if (lanes < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("at least one lane and one item per batch");
        }
        for (int i = 0; i < lanes; i++) {
            this.lanes.add(new Lane<>());
        }
        this.laneKey = laneKey;
        this.batch = batch;
        this.maxBatch = maxBatch;
    }

    /** Runs {@code item} in a batch and returns its result, or {@code null} if the batch left it out. */
    @Nullable
    R submit(I item) {
        Lane<I, R> lane = lanes.get(Math.floorMod(laneKey.applyAsInt(item), lanes.size()));
        Pending<I, R> mine = new Pending<>(item, Thread.currentThread());
        lane.queue.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (lane.leader.tryLock()) {
                try {
                    lead(lane, mine);
                } finally {
                    lane.leader.unlock();
                }
                // whoever queued while this batch ran leads the next one
                Pending<I, R> next = lane.queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.waiter);
                }
            } else {
                // woken when a leader completed this item, or handed over the lead
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.result;
    }

    private void lead(Lane<I, R> lane, Pending<I, R> mine) {
        while (!mine.done) {
            List<Pending<I, R>> taken = new ArrayList<>();
            for (Pending<I, R> p; taken.size() < maxBatch && (p = lane.queue.poll()) != null; ) {
                taken.add(p);
            }
            if (taken.isEmpty()) {
                return;
            }
            run(taken);
        }
    }

    private void run(List<Pending<I, R>> taken) {
        List<@Nullable R> results = null;
        try {
            results = batch.apply(taken.stream().map(p -> p.item).toList());
        } catch (RuntimeException failed) {
            // the batch function reports its own failures; its items are done one by one by their callers
            results = null;
        } finally {
            // a batch that threw leaves every item to its caller; nobody is left waiting in any case
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).complete(results != null && i < results.size() ? results.get(i) : null);
            }
        }
    }
}
