package io.unimember.coupon.exchanges;

import static io.unimember.coupon.support.Times.instant;
import static io.unimember.coupon.support.Times.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exchanges; every move out of REQUESTED is a guarded update under the row's lock, so each resolves once. */
@Repository
class Exchanges {

    private final JdbcClient jdbc;

    Exchanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new exchange; false if the member used the exchange id before. */
    boolean insert(Exchange e) {
        return jdbc.sql(
                                """
                        INSERT IGNORE INTO coupon_exchange (member_id, exchange_id, template_id, points, funding_bu,
                            status, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                e.memberId(),
                                e.exchangeId(),
                                e.templateId(),
                                e.points(),
                                e.fundingBu(),
                                e.status().name(),
                                ts(e.requestedAt()))
                        .update()
                == 1;
    }

    Optional<Exchange> find(String memberId, String exchangeId) {
        return jdbc.sql("SELECT * FROM coupon_exchange WHERE member_id = ? AND exchange_id = ?")
                .params(memberId, exchangeId)
                .query(Exchanges::map)
                .optional();
    }

    Optional<Exchange> lock(String memberId, String exchangeId) {
        return jdbc.sql("SELECT * FROM coupon_exchange WHERE member_id = ? AND exchange_id = ? FOR UPDATE")
                .params(memberId, exchangeId)
                .query(Exchanges::map)
                .optional();
    }

    /** The exchanges still REQUESTED since before {@code before}, oldest first. */
    List<Exchange> stale(Instant before, int limit) {
        return jdbc.sql(
                        """
                SELECT * FROM coupon_exchange WHERE status = 'REQUESTED' AND requested_at < ?
                 ORDER BY requested_at LIMIT ?""")
                .params(ts(before), limit)
                .query(Exchanges::map)
                .list();
    }

    /** Moves a REQUESTED exchange on; false if it had left REQUESTED already. */
    boolean resolve(Exchange e, ExchangeStatus to, @Nullable String reason, @Nullable String couponId, Instant now) {
        return jdbc.sql(
                                """
                        UPDATE coupon_exchange SET status = ?, reason = ?, coupon_id = ?, resolved_at = ?
                         WHERE member_id = ? AND exchange_id = ? AND status = 'REQUESTED'""")
                        // one param each: some are NULL, and JdbcClient's params(Object...) does not declare null
                        // values
                        .param(to.name())
                        .param(reason)
                        .param(couponId)
                        .param(ts(now))
                        .param(e.memberId())
                        .param(e.exchangeId())
                        .update()
                == 1;
    }

    /** A parked exchange decided: REQUESTED again from now (approved), or FAILED with why. */
    boolean leaveReview(Exchange e, ExchangeStatus to, @Nullable String reason, Instant now) {
        return jdbc.sql(
                                """
                        UPDATE coupon_exchange SET status = ?, reason = ?, requested_at = ?,
                               resolved_at = CASE WHEN ? = 'FAILED' THEN ? ELSE NULL END
                         WHERE member_id = ? AND exchange_id = ? AND status = 'PENDING_REVIEW'""")
                        .param(to.name())
                        .param(reason)
                        .param(ts(now))
                        .param(to.name())
                        .param(ts(now))
                        .param(e.memberId())
                        .param(e.exchangeId())
                        .update()
                == 1;
    }

    /** An ISSUED exchange whose points were not kept after all: the coupon was taken back. */
    boolean unpaid(Exchange e, String reason, Instant now) {
        return jdbc.sql(
                                """
                        UPDATE coupon_exchange SET status = 'FAILED', reason = ?, resolved_at = ?
                         WHERE member_id = ? AND exchange_id = ? AND status = 'ISSUED'""")
                        .params(reason, ts(now), e.memberId(), e.exchangeId())
                        .update()
                == 1;
    }

    private static Exchange map(ResultSet rs, int row) throws SQLException {
        return new Exchange(
                rs.getString("member_id"),
                rs.getString("exchange_id"),
                rs.getString("template_id"),
                rs.getLong("points"),
                rs.getString("funding_bu"),
                ExchangeStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getString("coupon_id"),
                instant(rs, "requested_at"));
    }
}
