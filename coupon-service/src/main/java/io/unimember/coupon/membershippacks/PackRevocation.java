package io.unimember.coupon.membershippacks;

import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.events.CouponRevoked;
import io.unimember.common.events.MembershipRefunded;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.coupons.Coupons;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A refunded membership takes back what it gave and was not used (decision 0065): the member's membership coupons
 * (monthly packs and partner benefits) issued since the refunded period began and still unused are revoked, so a
 * refund never leaves the member holding benefits nobody paid for, and the partner BU funds none of them. Coupons
 * locked or redeemed meanwhile are kept: the refund already deducted what was used. The months issued in the refunded
 * period are released, so a later purchase in one of them is issued its pack. In the caller's transaction.
 */
@Component
class PackRevocation {

    static final String REASON = "MEMBERSHIP_REFUNDED";

    private record Issued(String couponId, String templateId, String fundingBu) {}

    private final JdbcClient jdbc;
    private final Coupons coupons;
    private final MembershipPacks packs;
    private final EventPublisher events;

    PackRevocation(JdbcClient jdbc, Coupons coupons, MembershipPacks packs, EventPublisher events) {
        this.jdbc = jdbc;
        this.coupons = coupons;
        this.packs = packs;
        this.events = events;
    }

    /** How many coupons the refund took back. An event without {@code periodStart} (an old one) takes none. */
    int refunded(MembershipRefunded refund, Instant now) {
        Instant since = refund.periodStart();
        if (since == null) {
            return 0;
        }
        int revoked = 0;
        for (Issued c : unusedSince(refund.memberId(), since)) {
            if (coupons.revoke(c.couponId(), now)) {
                revoked++;
                events.publish(new CouponRevoked(
                        refund.memberId(),
                        c.couponId(),
                        c.templateId(),
                        c.fundingBu(),
                        refund.purchaseId(),
                        refund.refundId(),
                        REASON,
                        now));
            }
        }
        // the months issued in the refunded period are the refund's: a new purchase this month gets its pack again
        packs.releaseClaimsSince(refund.memberId(), since);
        return revoked;
    }

    private List<Issued> unusedSince(String memberId, Instant since) {
        return jdbc.sql(
                        """
                        SELECT c.id, c.template_id, t.funding_bu FROM coupon c
                          JOIN coupon_template t ON t.id = c.template_id
                         WHERE c.member_id = ? AND c.channel = ? AND c.issued_at >= ?
                           AND c.status IN ('AVAILABLE', 'EXPIRED', 'PENDING_REVIEW')
                         ORDER BY c.id""")
                .params(memberId, Channel.MEMBERSHIP.name(), ts(since))
                .query((rs, n) -> new Issued(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
