package io.unimember.common.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes what the inbox no longer needs to remember ({@link InboxProperties#retention()}), a bounded batch per
 * statement, oldest first by {@code processed_event_by_time}. Without it the table grows with every event applied,
 * and each consumer's inbox statements slow down with it. Instances pruning at once only delete the same rows.
 */
public class InboxPruning {

    private static final Logger log = LoggerFactory.getLogger(InboxPruning.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InboxProperties properties;

    public InboxPruning(JdbcClient jdbc, Clock clock, InboxProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(
            initialDelayString = "${unimember.inbox.prune-every:PT10M}",
            fixedDelayString = "${unimember.inbox.prune-every:PT10M}")
    public void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("inbox pruning failed, next try in {}: {}", properties.pruneEvery(), e.toString());
        }
    }

    /** Deletes every row older than the retention; returns how many. */
    public int prune() {
        Instant before = clock.instant().minus(properties.retention());
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("DELETE FROM processed_event WHERE processed_at < ? ORDER BY processed_at LIMIT ?")
                    .params(Timestamp.from(before), properties.pruneBatch())
                    .update();
            deleted += batch;
        } while (batch == properties.pruneBatch());
        if (deleted > 0) {
            log.info("inbox: forgot {} events applied before {}", deleted, before);
        }
        return deleted;
    }
}
