package io.unimember.insight.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * A short run of {@link TopologyThroughput}, so the benchmark keeps working; the figure of record comes from
 * {@code ./platform bench scenario=insight} (docs/scaling.md). The floor here is far under the target, for a
 * shared CI box.
 */
class TopologyThroughputTests {

    @Test
    void theTopologyAloneTakesThousandsOfEventsASecond() {
        TopologyThroughput.Result result =
                TopologyThroughput.run(TestInfrastructure.get().kafkaBootstrapServers(), 40_000, 10_000, 1);
        System.out.println(result);

        assertThat(result.events()).isEqualTo(40_000);
        // members are drawn at random: at 4 events each, about e^-4 of them draw none
        assertThat(result.members()).isBetween(9_500L, 10_000L);
        assertThat(result.eventsPerSecond()).isGreaterThan(1_000);
    }
}
