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

    public OutboxBacklog(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("unimember.outbox.backlog", backlog, AtomicLong::get)
                .description("events committed but not yet published to Kafka")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${unimember.outbox.backlog-every:PT15S}")
    public void count() {
        try {
            backlog.set(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
                    .query(Long.class)
                    .single());
        } catch (RuntimeException e) {
            log.debug("cannot count the outbox backlog now: {}", e.toString());
        }
    }

    public long current() {
        return backlog.get();
    }
}
