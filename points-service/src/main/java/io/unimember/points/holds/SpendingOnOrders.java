package io.unimember.points.holds;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which holds spent points on an order, for its refunds. Asked under the member's balance lock, which confirming a
 * hold also takes, so the answer cannot change before the refund commits.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class SpendingOnOrders {

    private final JdbcClient jdbc;

    SpendingOnOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the member's holds at this BU confirmed with this order reference. */
    public List<String> confirmedHolds(String bu, String memberId, String orderRef) {
        return jdbc.sql("SELECT hold_id FROM points_hold WHERE bu = ? AND order_ref = ? AND member_id = ?"
                        + " AND status = 'CONFIRMED' ORDER BY hold_id")
                .params(bu, orderRef, memberId)
                .query((rs, n) -> rs.getString(1)) // hold_id is NOT NULL
                .list();
    }
}
