package io.unimember.tier.jobs;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code job_run} table: when each job last ran for a period and what it did. Bookkeeping for operators and
 * for skipping a finished period; correctness never depends on it, the per-member guards carry that.
 */
@Repository
class JobRuns {

    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;

    JobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start(String job, String period, Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO job_run (job, period, instance, started_at, finished_at, affected)
                        VALUES (?, ?, ?, ?, NULL, 0)
                        ON DUPLICATE KEY UPDATE instance = VALUES(instance), started_at = VALUES(started_at)""")
                .params(job, period, INSTANCE, Timestamp.from(now))
                .update();
    }

    void finish(String job, String period, long affected, Instant now) {
        jdbc.sql("UPDATE job_run SET finished_at = ?, affected = affected + ? WHERE job = ? AND period = ?")
                .params(Timestamp.from(now), affected, job, period)
                .update();
    }

    boolean finished(String job, String period) {
        return jdbc.sql("SELECT COUNT(*) FROM job_run WHERE job = ? AND period = ? AND finished_at IS NOT NULL")
                        .params(job, period)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
