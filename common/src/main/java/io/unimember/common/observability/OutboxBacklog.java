package io.unimember.common.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code unimember_outbox_backlog}: events committed but not yet acknowledged by Kafka. Completed publications are
 * deleted, so this is the table's row count; it grows while Kafka is away and drains when it returns. Counted on a
 * schedule, not per scrape, so a scrape never queries the database.
 */
public class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final JdbcClient jdbc;
    private final AtomicLong backlog = new AtomicLong();
    private volatile long lastWarning;

    public OutboxBacklog(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("unimember.outbox.backlog", backlog, AtomicLong::get)
                .description("events committed but not yet published to Kafka")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${unimember.outbox.backlog-every:PT15S}")
    public void count() {
        try {
            var counts = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN STATUS = 'FAILED' THEN 1 ELSE 0 END), 0)"
                            + " FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single();
            backlog.set(counts[0]);
            warnIfFailing(counts[0], counts[1]);
        } catch (RuntimeException e) {
            log.debug("cannot count the outbox backlog now: {}", e.toString());
        }
    }

    /** One line a minute while sends fail, instead of one per event. */
    private void warnIfFailing(long pending, long failed) {
        long now = System.currentTimeMillis();
        if (failed > 0 && now - lastWarning >= 60_000) {
            lastWarning = now;
            log.warn(
                    "outbox: {} events not yet on Kafka, {} of them after a failed send; they are being resent",
                    pending,
                    failed);
        }
    }

    public long current() {
        return backlog.get();
    }
}
