package io.unimember.insight.stream;

import io.unimember.insight.figures.FigureKeys;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The figure deltas of one event, each for its day, its month and (levels) now, added to the task's changelogged
 * buffer ({@code period|figure} → delta) in one pass: the buffer survives a crash together with the member state.
 */
final class FigureBuffer {

    private final Map<String, Long> deltas = new HashMap<>();

    void flow(int day, String figure, long delta) {
        if (delta == 0) {
            return;
        }
        deltas.merge(FigureKeys.day(Days.date(day)) + "|" + figure, delta, Long::sum);
        deltas.merge(FigureKeys.month(Days.month(day)) + "|" + figure, delta, Long::sum);
    }

    void level(int day, String figure, long delta) {
        if (delta == 0) {
            return;
        }
        flow(day, figure, delta);
        deltas.merge(FigureKeys.CURRENT + "|" + figure, delta, Long::sum);
    }

    void writeTo(KeyValueStore<String, Long> pending) {
        deltas.forEach((key, delta) -> {
            Long before = pending.get(key);
            long after = (before == null ? 0 : before) + delta;
            if (after == 0) {
                pending.delete(key);
            } else {
                pending.put(key, after);
            }
        });
        deltas.clear();
    }
}
