package io.unimember.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BatchDrainTests {

    private final BatchDrain drain = new BatchDrain("test-job", 2);
    private final List<List<String>> batchesAsked = new ArrayList<>();

    @Test
    void drainingAsksAgainUntilABatchComesBackShort() {
        TreeSet<String> due = new TreeSet<>(List.of("a", "b", "c", "d", "e"));

        int done = drain.drain(limit -> first(due, limit), due::remove);

        assertThat(done).isEqualTo(5);
        assertThat(due).isEmpty();
        assertThat(batchesAsked).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    }

    @Test
    void drainingStopsAtAFullBatchOfWhichNothingWasDone() {
        TreeSet<String> due = new TreeSet<>(List.of("a", "b", "c"));

        int done = drain.drain(limit -> first(due, limit), item -> false);

        assertThat(done).isZero();
        assertThat(batchesAsked).containsExactly(List.of("a", "b"));
    }

    @Test
    void anItemThatFailsIsLeftForTheNextRunAndTheOthersAreDone() {
        TreeSet<String> due = new TreeSet<>(List.of("a", "b", "c", "d"));

        int done = drain.drain(limit -> first(due, limit), item -> {
            if (item.equals("b")) {
                throw new IllegalStateException("b is stuck");
            }
            return due.remove(item);
        });

        assertThat(done).isEqualTo(3);
        assertThat(due).containsExactly("b");
    }

    @Test
    void walkingGoesOnAfterTheLastItemThroughBatchesThatChangedNothing() {
        TreeSet<String> members = new TreeSet<>(List.of("m1", "m2", "m3", "m4", "m5"));

        int changed = drain.walk("", (last, limit) -> after(members, last, limit), member -> member.equals("m5"));

        assertThat(changed).isEqualTo(1);
        assertThat(members).hasSize(5);
        assertThat(batchesAsked).containsExactly(List.of("m1", "m2"), List.of("m3", "m4"), List.of("m5"));
    }

    @Test
    void walkingPastAFailureChangesTheRest() {
        TreeSet<String> members = new TreeSet<>(List.of("m1", "m2", "m3"));

        int changed = drain.walk("", (last, limit) -> after(members, last, limit), member -> {
            if (member.equals("m1")) {
                throw new IllegalStateException("m1 is locked");
            }
            return true;
        });

        assertThat(changed).isEqualTo(2);
    }

    @Test
    void anEmptyBacklogIsOneQuestion() {
        assertThat(drain.drain(limit -> first(new TreeSet<>(), limit), item -> true))
                .isZero();
        assertThat(batchesAsked).containsExactly(List.of());
    }

    @Test
    void aBatchTakesAtLeastOneItem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BatchDrain("test-job", 0));
    }

    private List<String> first(TreeSet<String> backlog, int limit) {
        return asked(backlog.stream().limit(limit).toList());
    }

    private List<String> after(TreeSet<String> backlog, String last, int limit) {
        return asked(backlog.tailSet(last, false).stream().limit(limit).toList());
    }

    private List<String> asked(List<String> batch) {
        batchesAsked.add(batch);
        return batch;
    }
}
