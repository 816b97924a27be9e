package io.unimember.common.jobs;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of a job that works through a backlog a batch at a time until a batch comes back short. Each item goes
 * through the job's step on its own (in its own transaction, where the step has one): an item whose step fails is
 * logged and left for the next run, and the rest go on. The step's guards make an item happen once, so instances
 * running the same job at once need no lease between them.
 *
 * @param job the job's name, for the log
 * @param batchSize how many items a batch asks for at the most
 */
public record BatchDrain(String job, int batchSize) {

    private static final Logger log = LoggerFactory.getLogger(BatchDrain.class);

    /** The next batch of a backlog that items leave once done: at most {@code limit} of them. */
    @FunctionalInterface
    public interface Batch<T> {
        List<T> next(int limit);
    }

    /** The batch that follows {@code last} in a backlog walked in order: at most {@code limit} items. */
    @FunctionalInterface
    public interface BatchAfter<T> {
        List<T> after(T last, int limit);
    }

    public BatchDrain {
        if (batchSize < 1) {
            throw new IllegalArgumentException(job + ": a batch takes at least one item, not " + batchSize);
        }
    }

    /**
     * Drains a backlog that items leave once done (a released hold is no longer due), asking for its first batch
     * each time. Stops at a short batch, and at a batch of which the step did none: others did them, or every one
     * failed, and asking again would bring the same batch back.
     *
     * @param step does one item; true if this call did it
     * @return how many items the step did
     */
    public <T> int drain(Batch<T> batch, Predicate<? super T> step) {
        Function<List<T>, List<T>> next = previous -> batch.next(batchSize);
        return loop(next, step, true);
    }

    /**
     * Walks a backlog that stays as it is (members in id order): the first batch follows {@code start}, each next
     * one the last item of the one before. Stops at a short batch.
     *
     * @param step does one item; true if it changed something
     * @return how many items the step changed
     */
    public <T> int walk(T start, BatchAfter<T> batch, Predicate<? super T> step) {
        Function<List<T>, List<T>> next =
                previous -> batch.after(previous.isEmpty() ? start : previous.getLast(), batchSize);
        return loop(next, step, false);
    }

    private <T> int loop(Function<List<T>, List<T>> nextAfter, Predicate<? super T> step, boolean stopWhenNoneDone) {
        int done = 0;
        List<T> batch = List.of();
        while (true) {
            batch = nextAfter.apply(batch);
            int doneBefore = done;
            for (T item : batch) {
                if (apply(step, item)) {
                    done++;
                }
            }
            if (batch.size() < batchSize || (stopWhenNoneDone && done == doneBefore)) {
                return done;
            }
        }
    }

    private <T> boolean apply(Predicate<? super T> step, T item) {
        try {
            return step.test(item);
        } catch (RuntimeException e) {
            log.warn("{}: {} not done, the next run retries: {}", job, item, e.toString());
            return false;
        }
    }
}
