package io.unimember.coupon.issuing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many coupons of each template each member holds, raised only by {@code issued < limit} guarded increments.
 * The row lock of the increment serialises one member's concurrent claims, so no member passes the limit. A
 * member's first coupon of a template inserts the row; a concurrent first claim waits on that insert and then
 * meets the guard.
 */
@Repository
class MemberLimits {

    private final JdbcClient jdbc;

    MemberLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
