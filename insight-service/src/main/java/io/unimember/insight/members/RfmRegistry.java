package io.unimember.insight.members;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The percentiles of each task (input partition) this instance runs, so a profile's RFM scores are ranked at the
 * time it is read against its partition's members as they stand, not as they stood at the member's last event:
 * the same numbers whatever order the events were processed in.
 */
public final class RfmRegistry {

    private final Map<Integer, RfmPercentiles> byPartition = new ConcurrentHashMap<>();

    public void register(int partition, RfmPercentiles percentiles) {
        byPartition.put(partition, percentiles);
    }

    public void unregister(int partition, RfmPercentiles percentiles) {
        byPartition.remove(partition, percentiles);
    }

    /** How many members the partition ranks (0 when this instance does not run it). */
    public long ranked(int partition) {
        RfmPercentiles percentiles = byPartition.get(partition);
        return percentiles == null ? 0 : percentiles.ranked();
    }

    /** The member's scores now, or those of its last evaluation if this instance does not run its partition. */
    public RfmScores scores(int partition, MemberState state) {
        RfmPercentiles percentiles = byPartition.get(partition);
        return percentiles == null ? state.rfm() : percentiles.scores(state);
    }
}
