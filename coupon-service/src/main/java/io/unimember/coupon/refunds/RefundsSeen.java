package io.unimember.coupon.refunds;

import static io.unimember.coupon.support.Times.ts;

import io.unimember.common.events.OrderRefunded;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The refunds of each order as they arrived, once each by (bu, refundId). */
@Repository
class RefundsSeen {

    private final JdbcClient jdbc;

    RefundsSeen(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a refund; false if it was recorded before (a refund id seen again, under another event id). */
    boolean record(OrderRefunded refund, Instant now) {
        return jdbc.sql(
                                """
                        INSERT IGNORE INTO order_refund_seen
                               (bu, refund_id, order_id, refund_fen, order_amount_fen, seen_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(
                                refund.bu(),
                                refund.refundId(),
                                refund.orderId(),
                                refund.refundFen(),
                                refund.orderAmountFen(),
                                ts(now))
                        .update()
                == 1;
    }

    /** Whether the refunds seen of this refund's order, this one included, add up to the whole order. */
    boolean completesTheOrder(OrderRefunded refund) {
        long refunded = jdbc.sql(
                        "SELECT COALESCE(SUM(refund_fen), 0) FROM order_refund_seen WHERE bu = ? AND order_id = ?")
                .params(refund.bu(), refund.orderId())
                .query(Long.class)
                .single();
        return refunded >= refund.orderAmountFen();
    }
}
