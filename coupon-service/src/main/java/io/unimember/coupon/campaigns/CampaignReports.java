package io.unimember.coupon.campaigns;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The numbers behind a campaign's report, from what the evaluation recorded: its rewards (each member's arm and the
 * moment of assignment, the first reward row) and the orders campaigns have seen.
 */
@Repository
class CampaignReports {

    private final JdbcClient jdbc;

    CampaignReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Totals(long issued, long redeemed, long costFen) {}

    record MemberResult(boolean holdout, boolean redeemed, long orders, long spendFen) {}

    Totals totals(String campaignId) {
        return jdbc.sql(
                        """
                SELECT COUNT(c.id), COALESCE(SUM(c.status = 'REDEEMED'), 0), COALESCE(SUM(c.redeemed_discount_fen), 0)
                  FROM campaign_reward r JOIN coupon c ON c.id = r.coupon_id
                 WHERE r.campaign_id = ? AND r.outcome = 'ISSUED'""")
                .param(campaignId)
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Per member the campaign fired for: arm, whether they redeemed its coupon, orders and spend in the window. */
    List<MemberResult> members(String campaignId, int windowDays) {
        List<MemberResult> results = new ArrayList<>();
        jdbc.sql(
                        """
                SELECT a.holdout, a.redeemed, COUNT(o.order_id), COALESCE(SUM(o.amount_fen), 0)
                  FROM (SELECT r.member_id, MIN(r.rewarded_at) AS assigned, MAX(r.outcome = 'HOLDOUT') AS holdout,
                               MAX(c.status = 'REDEEMED') AS redeemed
                          FROM campaign_reward r LEFT JOIN coupon c ON c.id = r.coupon_id
                         WHERE r.campaign_id = :campaign GROUP BY r.member_id) a
                  LEFT JOIN campaign_order o ON o.member_id = a.member_id AND o.completed_at > a.assigned
                       AND o.completed_at <= a.assigned + INTERVAL :days DAY
                 GROUP BY a.member_id, a.holdout, a.redeemed""")
                .param("campaign", campaignId)
                .param("days", windowDays)
                .query(rs -> {
                    results.add(new MemberResult(rs.getBoolean(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)));
                });
        return results;
    }
}
