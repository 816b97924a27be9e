package io.unimember.coupon.issuing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many coupons of each template each member holds, raised only by {@code issued < limit} guarded increments.
 * The row lock of the increment serialises one member's concurrent claims, so no member passes the limit.
 */
@Repository
class MemberLimits {

    private final JdbcClient jdbc;

    MemberLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure the member's counter row exists, committed on its own. Called before a claim's transaction, so the
     * claim only ever updates an existing row: concurrent first claims of one member then queue on that row instead
     * of racing to insert it (which InnoDB may answer with a deadlock).
     */
    void prepare(String memberId, String templateId) {
        jdbc.sql(
                        """
                INSERT INTO member_template_count (member_id, template_id, issued) VALUES (?, ?, 0)
                ON DUPLICATE KEY UPDATE issued = issued
                """)
                .params(memberId, templateId)
                .update();
    }

    /** Counts one more coupon for the member unless that would pass {@code limit}; false if it would. */
    boolean take(String memberId, String templateId, int limit) {
        if (increment(memberId, templateId, limit)) {
            return true;
        }
        try {
            jdbc.sql("INSERT INTO member_template_count (member_id, template_id, issued) VALUES (?, ?, 1)")
                    .params(memberId, templateId)
                    .update();
            return true;
        } catch (DuplicateKeyException exists) {
            // the row is there (perhaps just committed by a concurrent issue): the guard decides
            return increment(memberId, templateId, limit);
        }
    }

    /** Undoes {@link #take} in the same transaction when the template then has nothing left. */
    void giveBack(String memberId, String templateId) {
        jdbc.sql(
                        "UPDATE member_template_count SET issued = issued - 1 WHERE member_id = ? AND template_id = ? AND issued > 0")
                .params(memberId, templateId)
                .update();
    }

    private boolean increment(String memberId, String templateId, int limit) {
        return jdbc.sql(
                                """
                UPDATE member_template_count SET issued = issued + 1
                 WHERE member_id = ? AND template_id = ? AND issued < ?
                """)
                        .params(memberId, templateId, limit)
                        .update()
                == 1;
    }
}
