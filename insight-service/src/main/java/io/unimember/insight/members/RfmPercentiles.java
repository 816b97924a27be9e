package io.unimember.insight.members;

/**
 * The distributions of recency (as the day of the last order, so it does not age), frequency and monetary value
 * (both over 365 days) among a task's members who ordered, kept in the topology and moved by each member's change:
 * each member's state records what it last contributed, so its new figures replace the old ones exactly, and a task
 * that starts rebuilds the distributions by reading those records from its store. Written by the stream thread, read
 * by profile requests: its methods are synchronized (uncontended, so cheap).
 */
public final class RfmPercentiles {

    private final Histogram recency = Histogram.exact();
    private final Histogram frequency = Histogram.exact();
    private final Histogram monetary = Histogram.money();

    /** Adds what a stored member contributes, when the task starts. */
    public synchronized void restore(MemberState s) {
        if (s.countedLastOrderDay != MemberState.NONE) {
            add(s.countedLastOrderDay, s.countedFrequency, s.countedMonetaryFen, 1);
        }
    }

    /** Replaces the member's contribution by its figures as of {@code asOf}. */
    public synchronized void update(MemberState s, int asOf) {
        if (s.countedLastOrderDay != MemberState.NONE) {
            add(s.countedLastOrderDay, s.countedFrequency, s.countedMonetaryFen, -1);
        }
        if (s.hasOrders()) {
            s.countedLastOrderDay = s.lastOrderDay;
            s.countedFrequency = s.frequency(asOf, 365, null);
            s.countedMonetaryFen = s.monetaryFen(asOf, 365);
            add(s.countedLastOrderDay, s.countedFrequency, s.countedMonetaryFen, 1);
        } else {
            s.countedLastOrderDay = MemberState.NONE;
        }
    }

    /** The member's scores among those counted (the member's own last update included). */
    public synchronized RfmScores scores(MemberState s) {
        if (s.countedLastOrderDay == MemberState.NONE) {
            return RfmScores.UNRANKED;
        }
        return new RfmScores(
                recency.quintile(s.countedLastOrderDay),
                frequency.quintile(s.countedFrequency),
                monetary.quintile(s.countedMonetaryFen));
    }

    public synchronized long ranked() {
        return recency.total();
    }

    private void add(int lastOrderDay, int frequency365, long monetary365, int delta) {
        recency.add(lastOrderDay, delta);
        frequency.add(frequency365, delta);
        monetary.add(monetary365, delta);
    }
}
