package io.unimember.settlement.notifications;

import io.unimember.settlement.SqlTimes;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A database lease on a job ({@code job_lease}): one instance runs it at a time; a lease that ran out (its holder
 * died) may be taken by another. The notices' unique keys make a second run harmless anyway; the lease saves it.
 */
@Repository
class JobLease {

    private final JdbcClient jdbc;

    JobLease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean acquire(String job, String holder, Instant now, Instant until) {
        int taken = jdbc.sql("UPDATE job_lease SET holder = ?, lease_until = ? WHERE name = ? AND lease_until <= ?")
                .params(holder, SqlTimes.utc(until), job, SqlTimes.utc(now))
                .update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("INSERT INTO job_lease (name, holder, lease_until) VALUES (?, ?, ?)")
                            .params(job, holder, SqlTimes.utc(until))
                            .update()
                    == 1;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** Gives the lease up at once (the row goes, so any instance may take it, whatever its clock says). */
    void release(String job, String holder) {
        jdbc.sql("DELETE FROM job_lease WHERE name = ? AND holder = ?")
                .params(job, holder)
                .update();
    }
}
