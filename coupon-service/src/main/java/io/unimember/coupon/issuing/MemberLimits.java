package io.unimember.coupon.issuing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate batch;

    MemberLimits(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * {@link #take} for a batch of members (one may appear more than once), in three statements: every member's row
     * made and locked (a member's first coupon of the template makes it with 0), their counts read, the new counts
     * written. Which of them may have one more, in their order.
     */
    boolean[] takeAll(String templateId, int limit, List<String> memberIds) {
        List<String> members = List.copyOf(new LinkedHashSet<>(memberIds));
        batch.batchUpdate(
                """
                INSERT INTO member_template_count (member_id, template_id, issued) VALUES (?, ?, 0)
                ON DUPLICATE KEY UPDATE member_id = member_id""",
                members,
                members.size(),
                (ps, member) -> {
                    ps.setString(1, member);
                    ps.setString(2, templateId);
                });
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql(
                        """
                SELECT member_id, issued FROM member_template_count
                 WHERE template_id = :template AND member_id IN (:members) FOR UPDATE
                """)
                .param("template", templateId)
                .param("members", members)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        boolean[] allowed = new boolean[memberIds.size()];
        Map<String, Integer> raised = new LinkedHashMap<>();
        for (int i = 0; i < allowed.length; i++) {
            String member = memberIds.get(i);
            int count = counts.getOrDefault(member, 0);
            if (count < limit) {
                allowed[i] = true;
                counts.put(member, count + 1);
                raised.put(member, count + 1);
            }
        }
        if (!raised.isEmpty()) {
            List<Map.Entry<String, Integer>> rows = List.copyOf(raised.entrySet());
            batch.batchUpdate(
                    """
                    INSERT INTO member_template_count (member_id, template_id, issued) VALUES (?, ?, ?)
                    ON DUPLICATE KEY UPDATE issued = VALUES(issued)""",
                    rows,
                    rows.size(),
                    (ps, row) -> {
                        ps.setString(1, row.getKey());
                        ps.setString(2, templateId);
                        ps.setInt(3, row.getValue());
                    });
        }
        return allowed;
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
