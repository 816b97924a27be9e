package io.unimember.insight.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** Which instance answers for a key: here, the instance the metadata names, or none during a rebalance. */
class WhereTests {

    private static final HostInfo SELF = new HostInfo("10.0.0.1", 8086);
    private static final HostInfo OTHER = new HostInfo("10.0.0.2", 8086);

    @Test
    void aKeyThisInstanceHoldsIsReadHereFromItsPartition() {
        var metadata = new KeyQueryMetadata(SELF, Set.of(OTHER), 4);

        assertThat(Where.decide(metadata, SELF, 1)).isEqualTo(new Where.Here(4));
    }

    @Test
    void aKeyAnotherInstanceHoldsIsForwardedToIt() {
        var metadata = new KeyQueryMetadata(OTHER, Set.of(SELF), 2);

        assertThat(Where.decide(metadata, SELF, 2)).isEqualTo(new Where.There(OTHER));
    }

    @Test
    void withoutAPartitionInTheMetadataThePartitionersIsUsed() {
        var metadata = new KeyQueryMetadata(SELF, Set.of(), -1);

        assertThat(Where.decide(metadata, SELF, StoreQueries.partitionOf("m-1", 6)))
                .isEqualTo(new Where.Here(StoreQueries.partitionOf("m-1", 6)));
    }

    @Test
    void duringARebalanceNoInstanceAnswers() {
        assertThat(Where.decide(KeyQueryMetadata.NOT_AVAILABLE, SELF, 0)).isInstanceOf(Where.Nowhere.class);
        assertThat(Where.decide(new KeyQueryMetadata(HostInfo.unavailable(), Set.of(), 0), SELF, 0))
                .isInstanceOf(Where.Nowhere.class);
    }
}
