package io.unimember.insight.members;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of values by bucket, for a value's percentile rank among all members counted: the approximate percentiles
 * the RFM quintiles come from. Exact for small integers (days, order counts); money goes into buckets 5% wide, so
 * two amounts within 5% of each other rank as equal.
 */
final class Histogram {

    private static final double MONEY_STEP = Math.log(1.05);

    private final boolean logarithmic;
    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long total;

    private Histogram(boolean logarithmic) {
        this.logarithmic = logarithmic;
    }

    static Histogram exact() {
        return new Histogram(false);
    }

    static Histogram money() {
        return new Histogram(true);
    }

    void add(long value, int delta) {
        long bucket = bucket(value);
        long count = counts.getOrDefault(bucket, 0L) + delta;
        if (count <= 0) {
            counts.remove(bucket);
        } else {
            counts.put(bucket, count);
        }
        total += delta;
    }

    long total() {
        return total;
    }

    /**
     * The quintile score 1–5 of a value: its mid-rank {@code (below + equal / 2) / total} times five, plus one, so
     * the lowest fifth scores 1 and the highest fifth 5.
     */
    int quintile(long value) {
        if (total <= 0) {
            return 3;
        }
        long bucket = bucket(value);
        long below = 0;
        for (Map.Entry<Long, Long> e : counts.headMap(bucket, false).entrySet()) {
            below += e.getValue();
        }
        long equal = counts.getOrDefault(bucket, 0L);
        double rank = (below + equal / 2.0) / total;
        return Math.min(5, 1 + (int) Math.floor(rank * 5));
    }

    private long bucket(long value) {
        if (!logarithmic) {
            return value;
        }
        return value <= 0 ? 0 : 1 + (long) Math.floor(Math.log(value) / MONEY_STEP);
    }
}
