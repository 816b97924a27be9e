package io.unimember.coupon.center;

import io.unimember.coupon.templates.Templates;
import io.unimember.coupon.terms.Terms;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads behind the coupon center: a fixed handful of statements for the whole page. */
@Repository
class CenterQueries {

    /** A template on offer with what is left of it (the smaller of its quantity and what its budget still funds). */
    record Offer(
            String templateId,
            String name,
            Terms terms,
            String fundingBu,
            int perMemberLimit,
            @Nullable Long pointsPrice,
            boolean claimable,
            long remaining) {}

    private final JdbcClient jdbc;

    CenterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Templates members may claim or exchange, whose window is open, newest first. */
    List<Offer> offers(Instant now, int limit) {
        return jdbc.sql(
                        """
                SELECT t.*, (SELECT COALESCE(SUM(GREATEST(0, LEAST(s.quantity - s.issued,
                                 FLOOR((s.budget_fen - s.budget_used_fen) / t.face_value_fen)))), 0)
                               FROM template_stock s WHERE s.template_id = t.id) AS remaining
                  FROM coupon_template t
                 WHERE (t.claimable OR t.points_price IS NOT NULL)
                   AND (t.valid_to IS NULL OR t.valid_to > ?)
                 ORDER BY t.created_at DESC, t.id LIMIT ?""")
                .params(io.unimember.coupon.support.Times.ts(now), limit)
                .query((rs, n) -> new Offer(
                        rs.getString("id"),
                        rs.getString("name"),
                        Templates.terms(rs),
                        rs.getString("funding_bu"),
                        rs.getInt("per_member_limit"),
                        rs.getObject("points_price", Long.class),
                        rs.getBoolean("claimable"),
                        rs.getLong("remaining")))
                .list();
    }

    /** How many of each template the member holds (issued to them, under the per-member limit). */
    Map<String, Integer> held(String memberId, List<String> templateIds) {
        Map<String, Integer> held = new HashMap<>();
        if (templateIds.isEmpty()) {
            return held;
        }
        jdbc.sql("SELECT template_id, issued FROM member_template_count WHERE member_id = :m AND template_id IN (:t)")
                .param("m", memberId)
                .param("t", templateIds)
                .query(rs -> {
                    held.put(rs.getString(1), rs.getInt(2));
                });
        return held;
    }
}
