package io.unimember.coupon.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the database says a template issued, read after a storm: the invariants are checked on the record. */
record StormInvariants(
        long templateIssued,
        long budgetUsedFen,
        long totalQuantity,
        long budgetFen,
        long couponRows,
        long faceValueOfCoupons,
        long mostCouponsOfOneMember,
        long mostCountedForOneMember) {

    static StormInvariants of(JdbcClient jdbc, String templateId) {
        record Template(long issued, long budgetUsed, long quantity, long budget, long face) {}
        Template t = jdbc.sql(
                        """
                SELECT (SELECT SUM(issued) FROM template_stock WHERE template_id = t.id),
                       (SELECT SUM(budget_used_fen) FROM template_stock WHERE template_id = t.id),
                       t.total_quantity, t.budget_fen, t.face_value_fen
                  FROM coupon_template t WHERE t.id = ?
                """)
                .param(templateId)
                .query((rs, n) ->
                        new Template(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
        long coupons = count(jdbc, "SELECT COUNT(*) FROM coupon WHERE template_id = ?", templateId);
        long mostPerMember = count(
                jdbc,
                "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM coupon WHERE template_id = ? GROUP BY member_id) x",
                templateId);
        long shardsOverdrawn = count(
                jdbc,
                "SELECT COUNT(*) FROM template_stock WHERE template_id = ? AND (issued > quantity OR budget_used_fen > budget_fen)",
                templateId);
        if (shardsOverdrawn > 0) {
            throw new AssertionError(shardsOverdrawn + " stock shards went past their share");
        }
        long mostCounted = count(
                jdbc, "SELECT COALESCE(MAX(issued), 0) FROM member_template_count WHERE template_id = ?", templateId);
        return new StormInvariants(
                t.issued(),
                t.budgetUsed(),
                t.quantity(),
                t.budget(),
                coupons,
                coupons * t.face(),
                mostPerMember,
                mostCounted);
    }

    private static long count(JdbcClient jdbc, String sql, String templateId) {
        return jdbc.sql(sql).param(templateId).query(Long.class).single();
    }

    /** Issued within quantity and budget, every coupon counted once, no member above the limit. */
    void assertHeld(long expectedIssued, int perMemberLimit) {
        assertThat(couponRows).as("coupons in the wallet table").isEqualTo(expectedIssued);
        assertThat(templateIssued).as("the template's issued counter").isEqualTo(couponRows);
        assertThat(templateIssued).as("never above totalQuantity").isLessThanOrEqualTo(totalQuantity);
        assertThat(budgetUsedFen).as("budget used is the face value issued").isEqualTo(faceValueOfCoupons);
        assertThat(budgetUsedFen).as("never above budgetFen").isLessThanOrEqualTo(budgetFen);
        assertThat(mostCouponsOfOneMember).as("no member above the limit").isLessThanOrEqualTo(perMemberLimit);
        assertThat(mostCountedForOneMember).as("the per-member counters agree").isLessThanOrEqualTo(perMemberLimit);
    }
}
