package io.unimember.coupon.campaigns;

import static io.unimember.coupon.support.Times.ts;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per (campaign, member, trigger occurrence) the one reward a campaign may make, and per (campaign, member) how many
 * it made against the cap. Both are taken under row locks, set-based: a batch's keys in a couple of statements.
 */
@Repository
class CampaignRewards {

    static final String PENDING = "PENDING";

    /** A reward due, claimed, or what it came to. */
    record Reward(
            String campaignId,
            String memberId,
            String occurrence,
            String sourceRef,
            @Nullable String orderBu,
            @Nullable String orderId,
            String outcome,
            @Nullable String couponId) {

        List<String> key() {
            return List.of(campaignId, memberId, occurrence);
        }

        Reward outcome(String outcome, @Nullable String couponId) {
            return new Reward(campaignId, memberId, occurrence, sourceRef, orderBu, orderId, outcome, couponId);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CampaignRewards(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Claims each reward's key: inserted PENDING, or locked where it exists, then read back; those still PENDING with
     * this reward's source are this transaction's to make. A concurrent claim of the same key waits for the one before
     * it to commit and then finds it made.
     */
    Set<List<String>> claimAll(List<Reward> rewards, Instant now) {
        write(rewards, now, " ON DUPLICATE KEY UPDATE campaign_id = campaign_id");
        Set<List<String>> ours = new HashSet<>();
        jdbc.sql(
                        """
                        SELECT campaign_id, member_id, occurrence, source_ref, outcome FROM campaign_reward
                         WHERE (campaign_id, member_id, occurrence) IN (:keys)""")
                .param(
                        "keys",
                        rewards.stream()
                                .map(r -> new Object[] {r.campaignId(), r.memberId(), r.occurrence()})
                                .toList())
                .query(rs -> {
                    if (PENDING.equals(rs.getString(5))) {
                        ours.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                });
        Set<List<String>> claimed = new HashSet<>();
        for (Reward r : rewards) {
            if (ours.contains(List.of(r.campaignId(), r.memberId(), r.occurrence(), r.sourceRef()))) {
                claimed.add(r.key());
            }
        }
        return claimed;
    }

    /** Records what the claimed rewards came to, in one statement. */
    void recordAll(List<Reward> rewards, Instant now) {
        write(rewards, now, " ON DUPLICATE KEY UPDATE outcome = VALUES(outcome), coupon_id = VALUES(coupon_id)");
    }

    /**
     * Counts one more reward for each member under the campaign's cap (a member may appear more than once): rows made
     * and locked, counts read, new counts written. Which of them may have it, in their order.
     */
    boolean[] takeCap(String campaignId, int cap, List<String> memberIds) {
        List<String> members = List.copyOf(new LinkedHashSet<>(memberIds));
        batch.batchUpdate(
                """
                INSERT INTO campaign_member_count (campaign_id, member_id, rewarded) VALUES (?, ?, 0)
                ON DUPLICATE KEY UPDATE member_id = member_id""",
                members,
                members.size(),
                (ps, m) -> {
                    ps.setString(1, campaignId);
                    ps.setString(2, m);
                });
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql(
                        """
                SELECT member_id, rewarded FROM campaign_member_count
                 WHERE campaign_id = :campaign AND member_id IN (:members) FOR UPDATE""")
                .param("campaign", campaignId)
                .param("members", members)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        boolean[] allowed = new boolean[memberIds.size()];
        Map<String, Integer> raised = new LinkedHashMap<>();
        for (int i = 0; i < allowed.length; i++) {
            String m = memberIds.get(i);
            int count = counts.getOrDefault(m, 0);
            if (count < cap) {
                allowed[i] = true;
                counts.put(m, count + 1);
                raised.put(m, count + 1);
            }
        }
        setCounts(campaignId, raised);
        return allowed;
    }

    /** Gives back the cap of rewards that came to nothing (the coupon was refused). */
    void giveBackCap(String campaignId, List<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                """
                UPDATE campaign_member_count SET rewarded = rewarded - 1
                 WHERE campaign_id = ? AND member_id = ? AND rewarded > 0""",
                memberIds,
                memberIds.size(),
                (ps, m) -> {
                    ps.setString(1, campaignId);
                    ps.setString(2, m);
                });
    }

    private void setCounts(String campaignId, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Integer>> rows = List.copyOf(counts.entrySet());
        batch.batchUpdate(
                "UPDATE campaign_member_count SET rewarded = ? WHERE campaign_id = ? AND member_id = ?",
                rows,
                rows.size(),
                (ps, row) -> {
                    ps.setInt(1, row.getValue());
                    ps.setString(2, campaignId);
                    ps.setString(3, row.getKey());
                });
    }

    private void write(List<Reward> rewards, Instant now, String onDuplicate) {
        batch.batchUpdate(
                """
                INSERT INTO campaign_reward (campaign_id, member_id, occurrence, source_ref, order_bu, order_id,
                    outcome, coupon_id, rewarded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""
                        + onDuplicate,
                rewards,
                rewards.size(),
                (ps, r) -> {
                    ps.setString(1, r.campaignId());
                    ps.setString(2, r.memberId());
                    ps.setString(3, r.occurrence());
                    ps.setString(4, r.sourceRef());
                    ps.setString(5, r.orderBu());
                    ps.setString(6, r.orderId());
                    ps.setString(7, r.outcome());
                    ps.setString(8, r.couponId());
                    ps.setString(9, ts(now));
                });
    }
}
