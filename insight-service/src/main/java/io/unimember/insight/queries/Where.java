package io.unimember.insight.queries;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** Where a key of a store can be read: here, at another instance, or nowhere right now (a rebalance). */
public sealed interface Where {

    record Here() implements Where {}

    record There(HostInfo host) implements Where {}

    record Nowhere(String reason) implements Where {}

    /** The decision from a key's metadata, for the instance {@code self}. */
    static Where decide(KeyQueryMetadata metadata, HostInfo self) {
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Nowhere("no instance holds the key's partition right now");
        }
        HostInfo active = metadata.activeHost();
        if (active == null || HostInfo.unavailable().equals(active)) {
            return new Nowhere("the key's partition has no active instance right now");
        }
        return active.equals(self) ? new Here() : new There(active);
    }
}
