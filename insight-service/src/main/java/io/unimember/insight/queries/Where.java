package io.unimember.insight.queries;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** Where a key of a store can be read: here, at another instance, or nowhere right now (a rebalance). */
public sealed interface Where {

    /** {@code partition}: the store partition holding the key. */
    record Here(int partition) implements Where {}

    record There(HostInfo host) implements Where {}

    record Nowhere(String reason) implements Where {}

    /** The decision from a key's metadata, for the instance {@code self}. */
    static Where decide(KeyQueryMetadata metadata, HostInfo self, int computedPartition) {
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Nowhere("no instance holds the key's partition right now");
        }
        HostInfo active = metadata.activeHost();
        if (active == null || HostInfo.unavailable().equals(active)) {
            return new Nowhere("the key's partition has no active instance right now");
        }
        // a store fed by several source topics reports no partition (-1): the default partitioner's is the same
        int partition = metadata.partition() >= 0 ? metadata.partition() : computedPartition;
        return active.equals(self) ? new Here(partition) : new There(active);
    }
}
