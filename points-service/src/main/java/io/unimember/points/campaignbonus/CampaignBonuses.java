package io.unimember.points.campaignbonus;

import io.unimember.common.events.CampaignRewarded;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.points.ledger.Earned;
import io.unimember.points.ledger.Ledger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies campaign bonus points, each once: a reward once per (campaign, member, occurrence), a window's extra once
 * per (campaign, member, occurrence, order). The row that says so is inserted first ({@code INSERT IGNORE}); only the
 * transaction that inserted it credits, in the same transaction, so a redelivered event credits nothing. The credit
 * is the ledger's ordinary earning for the campaign's funding BU, off the daily cap, published as {@code
 * points.earned} with the campaign named in {@code orderId}. A frozen member gets nothing (recorded FROZEN).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class CampaignBonuses {

    private static final Logger log = LoggerFactory.getLogger(CampaignBonuses.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final EventPublisher events;
    private final FrozenMembers frozen;
    private final Clock clock;

    CampaignBonuses(JdbcClient jdbc, Ledger ledger, EventPublisher events, FrozenMembers frozen, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.events = events;
        this.frozen = frozen;
        this.clock = clock;
    }

    /** A {@code campaign.rewarded BONUS_POINTS}: a fixed bonus credited, or a multiplier's window opened. */
    void rewarded(CampaignRewarded e) {
        Instant now = clock.instant();
        Long points = e.points();
        Integer multiplierBp = e.multiplierBp();
        Instant endsAt = e.windowEndsAt();
        boolean fresh = jdbc.sql(
                                """
                        INSERT IGNORE INTO campaign_bonus (campaign_id, member_id, occurrence, funding_bu, order_id, points,
                            multiplier_bp, window_starts_at, window_ends_at, outcome, created_at)
                        VALUES (:campaign, :member, :occurrence, :bu, :order, :points, :bp, :starts, :ends, 'APPLIED',
                                :now)""")
                        .param("campaign", e.campaignId())
                        .param("member", e.memberId())
                        .param("occurrence", e.occurrence())
                        .param("bu", e.fundingBu())
                        .param("order", e.orderId())
                        .param("points", points)
                        .param("bp", multiplierBp)
                        .param("starts", multiplierBp == null ? null : Timestamp.from(e.rewardedAt()))
                        .param("ends", endsAt == null ? null : Timestamp.from(endsAt))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
        if (!fresh || points == null) {
            return; // applied before, or a window: its orders credit as they come
        }
        if (frozen.isFrozen(e.memberId())) {
            markFrozen(e);
            return;
        }
        credit(e.memberId(), e.fundingBu(), "campaign:" + e.campaignId() + ":" + e.occurrence(), points);
    }

    /** The extra the open windows give a batch of completed orders; orders without a window cost one query in all. */
    void ordersCompleted(List<OrderCompleted> orders) {
        List<OrderCompleted> earning =
                orders.stream().filter(o -> o.pointsEarned() > 0).toList();
        if (earning.isEmpty()) {
            return;
        }
        Map<String, List<BonusWindow>> windows = windowsOf(earning);
        if (windows.isEmpty()) {
            return;
        }
        for (OrderCompleted o : earning) {
            for (BonusWindow w : windows.getOrDefault(o.memberId(), List.of())) {
                long extra = w.extraFor(o.pointsEarned());
                if (!w.covers(o.occurredAt()) || extra <= 0 || !claimOrder(w, o, extra)) {
                    continue;
                }
                if (frozen.isFrozen(o.memberId())) {
                    log.info("no campaign extra for frozen member {} on order {}", o.memberId(), o.orderId());
                    continue;
                }
                credit(
                        o.memberId(),
                        w.fundingBu(),
                        "campaign:" + w.campaignId() + ":" + w.occurrence() + ":" + o.bu() + ":" + o.orderId(),
                        extra);
            }
        }
    }

    private Map<String, List<BonusWindow>> windowsOf(List<OrderCompleted> orders) {
        Instant earliest = orders.stream()
                .map(OrderCompleted::occurredAt)
                .min(Instant::compareTo)
                .orElseThrow();
        Map<String, List<BonusWindow>> windows = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT member_id, campaign_id, occurrence, funding_bu, multiplier_bp, window_starts_at,
                               window_ends_at
                          FROM campaign_bonus
                         WHERE member_id IN (:members) AND multiplier_bp IS NOT NULL AND window_ends_at > :earliest
                           AND outcome = 'APPLIED'""")
                .param(
                        "members",
                        List.copyOf(new HashSet<>(
                                orders.stream().map(OrderCompleted::memberId).toList())))
                .param("earliest", Timestamp.from(earliest))
                .query(rs -> {
                    windows.computeIfAbsent(rs.getString(1), m -> new ArrayList<>())
                            .add(new BonusWindow(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getInt(5),
                                    rs.getTimestamp(6).toInstant(),
                                    rs.getTimestamp(7).toInstant()));
                });
        return windows;
    }

    private boolean claimOrder(BonusWindow w, OrderCompleted o, long extra) {
        return jdbc.sql(
                                """
                        INSERT IGNORE INTO campaign_bonus_order (campaign_id, member_id, occurrence, bu, order_id,
                            order_points, extra_points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                w.campaignId(),
                                o.memberId(),
                                w.occurrence(),
                                o.bu(),
                                o.orderId(),
                                o.pointsEarned(),
                                extra,
                                Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private void credit(String memberId, String fundingBu, String what, long points) {
        var account = ledger.lock(memberId);
        Earned earned = ledger.earnCounted(account, fundingBu, reference(what), points);
        events.publish(new PointsEarned(
                memberId,
                earned.transferId(),
                fundingBu,
                what,
                earned.points(),
                false,
                earned.expiresAt(),
                earned.balance()));
    }

    private void markFrozen(CampaignRewarded e) {
        jdbc.sql(
                        "UPDATE campaign_bonus SET outcome = 'FROZEN' WHERE campaign_id = ? AND member_id = ? AND occurrence = ?")
                .params(e.campaignId(), e.memberId(), e.occurrence())
                .update();
    }

    /** The ledger's reference (64 characters at most): the bonus named by a hash of what it is for. */
    static String reference(String what) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
            return "cb:" + HexFormat.of().formatHex(hash).substring(0, 60);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
