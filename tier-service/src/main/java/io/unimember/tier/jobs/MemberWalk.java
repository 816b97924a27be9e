package io.unimember.tier.jobs;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks members in id order, one batch at a time, applying a change to each in its own transaction. A member whose
 * change fails is logged and left for the next run; the rest go on.
 */
final class MemberWalk {

    private static final Logger log = LoggerFactory.getLogger(MemberWalk.class);

    private MemberWalk() {}

    /** Returns how many members the change said it changed. */
    static int walk(String job, Function<String, List<String>> batchAfter, Predicate<String> change) {
        int changed = 0;
        String after = "";
        List<String> batch;
        while (!(batch = batchAfter.apply(after)).isEmpty()) {
            for (String memberId : batch) {
                try {
                    if (change.test(memberId)) {
                        changed++;
                    }
                } catch (RuntimeException e) {
                    log.warn("{}: member {} not processed, the next run retries: {}", job, memberId, e.toString());
                }
            }
            after = batch.getLast();
        }
        return changed;
    }
}
