package io.unimember.insight.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A short run of {@link TopologyThroughput}, so the benchmark keeps working; the figure of record comes from
 * {@code ./platform bench scenario=insight} (docs/scaling.md). The floor here is far under the target, for a
 * shared CI box.
 */
class TopologyThroughputTests {

    @Test
    void theTopologyAloneTakesThousandsOfEventsASecond() {
        TopologyThroughput.Result result = TopologyThroughput.run(50_000, 10_000);
        System.out.println(result);

        assertThat(result.members()).isEqualTo(10_000);
        assertThat(result.eventsPerSecond()).isGreaterThan(2_000);
    }
}
