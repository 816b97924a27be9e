package io.unimember.common.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.inbox.InboxProperties;
import io.unimember.common.inbox.InboxPruning;
import io.unimember.testsupport.IntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inbox forgets what it no longer needs to remember, and only that. */
@IntegrationTest
class InboxPruningTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsAppliedBeforeTheRetentionAreDeletedInBatchesAndNewerOnesKept() {
        Instant now = Instant.now();
        String consumer = "prune-" + UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            record(consumer, now.minus(Duration.ofDays(9)).plusSeconds(i));
        }
        String kept = record(consumer, now.minus(Duration.ofDays(8)).plusSeconds(1));
        String recent = record(consumer, now.minus(Duration.ofMinutes(1)));
        // a batch of 3: the seven old rows take three deletes, the last one short
        var pruning = new InboxPruning(
                jdbc,
                Clock.fixed(now, ZoneOffset.UTC),
                new InboxProperties(Duration.ofDays(8), Duration.ofMinutes(10), 3));

        assertThat(pruning.prune()).isEqualTo(7);

        assertThat(jdbc.sql("SELECT event_id FROM processed_event WHERE consumer = ?")
                        .param(consumer)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrderElementsOf(List.of(kept, recent));
        assertThat(pruning.prune()).isZero();
    }

    private String record(String consumer, Instant processedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO processed_event (consumer, event_id, event_type, processed_at) VALUES (?, ?, ?, ?)")
                .params(consumer, id, "member.registered", Timestamp.from(processedAt))
                .update();
        return id;
    }
}
