package io.unimember.coupon.campaigns;

import static io.unimember.coupon.support.Times.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A database lease (decision 0046): at most one instance holds a job's lease until it lapses, so a scheduled job that
 * must not run twice at once runs on one instance per window, with no lock held across its work. ShedLock would do
 * the same with a dependency more; this is two statements.
 */
@Repository
class JobLease {

    private final JdbcClient jdbc;
    private final String holder = "coupon-service-" + UUID.randomUUID();

    JobLease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the job's lease for {@code ttl} if it is free, lapsed or already this instance's. */
    boolean acquire(String job, Instant now, Duration ttl) {
        jdbc.sql("INSERT IGNORE INTO job_lease (name, holder, lease_until) VALUES (?, '', ?)")
                .params(job, ts(now.minusSeconds(1)))
                .update();
        return jdbc.sql(
                                """
                        UPDATE job_lease SET holder = ?, lease_until = ?
                         WHERE name = ? AND (lease_until <= ? OR holder = ?)""")
                        .params(holder, ts(now.plus(ttl)), job, ts(now), holder)
                        .update()
                == 1;
    }
}
