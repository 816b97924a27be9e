package io.unimember.coupon.allotment;

import static io.unimember.coupon.support.Times.ts;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per member and month that was allotted; its key makes the allotment at most once. */
@Repository
class Allotments {

    private final JdbcClient jdbc;

    Allotments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the member's allotment for the month; false if it was already made (here or on another instance). */
    boolean claim(String memberId, String month, String tier, Instant now) {
        try {
            jdbc.sql(
                            """
                    INSERT INTO tier_allotment (member_id, month, tier, issued, outcome, allotted_at)
                    VALUES (?, ?, ?, 0, 'PENDING', ?)
                    """)
                    .params(memberId, month, tier, ts(now))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyAllotted) {
            return false;
        }
    }

    void record(String memberId, String month, int issued, String outcome) {
        jdbc.sql("UPDATE tier_allotment SET issued = ?, outcome = ? WHERE member_id = ? AND month = ?")
                .params(issued, outcome, memberId, month)
                .update();
    }
}
