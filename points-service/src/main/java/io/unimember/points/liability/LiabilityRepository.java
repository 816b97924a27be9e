package io.unimember.points.liability;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the liability from the ledger's entries. A BU's liability is what members still hold of the points it
 * issued: minus its issuance account, less what went to its redemption and expiry sinks. Every transfer touching
 * those accounts counts by its own legs, so the month's movements add up to the change of the liability whatever
 * kinds of transfer there are.
 */
@Repository
class LiabilityRepository {

    record Movements(String bu, long opening, long earned, long redeemed, long returned, long expired) {}

    private final JdbcClient jdbc;

    LiabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Movements> movements(Instant start, Instant end, @Nullable String bu) {
        return jdbc.sql(
                        """
                        SELECT e.account_ref,
                          SUM(CASE WHEN t.created_at < :start THEN -e.amount ELSE 0 END),
                          SUM(CASE WHEN t.created_at >= :start AND e.account_type = 'BU_ISSUANCE'
                                   THEN -e.amount ELSE 0 END),
                          SUM(CASE WHEN t.created_at >= :start AND e.account_type = 'REDEMPTION' AND e.amount > 0
                                   THEN e.amount ELSE 0 END),
                          SUM(CASE WHEN t.created_at >= :start AND e.account_type = 'REDEMPTION' AND e.amount < 0
                                   THEN -e.amount ELSE 0 END),
                          SUM(CASE WHEN t.created_at >= :start AND e.account_type = 'EXPIRY'
                                   THEN e.amount ELSE 0 END)
                          FROM ledger_entry e JOIN ledger_transfer t ON t.transfer_id = e.transfer_id
                         WHERE e.account_type IN ('BU_ISSUANCE', 'REDEMPTION', 'EXPIRY') AND t.created_at < :end
                        """
                                + forBu(bu) + " GROUP BY e.account_ref ORDER BY e.account_ref")
                .params(params(start, end, bu))
                .query((rs, n) -> new Movements(
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** Points spent in the month per issuing BU and spending BU. */
    Map<String, Map<String, Long>> redeemedBy(Instant start, Instant end, @Nullable String bu) {
        Map<String, Map<String, Long>> byIssuer = new TreeMap<>();
        jdbc.sql(
                        """
                        SELECT e.account_ref, t.bu, SUM(e.amount)
                          FROM ledger_entry e JOIN ledger_transfer t ON t.transfer_id = e.transfer_id
                         WHERE t.kind = 'REDEEM' AND e.account_type = 'REDEMPTION'
                           AND t.created_at >= :start AND t.created_at < :end
                        """
                                + forBu(bu) + " GROUP BY e.account_ref, t.bu")
                .params(params(start, end, bu))
                .query(rs -> {
                    byIssuer.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        return byIssuer;
    }

    private static Map<String, Object> params(Instant start, Instant end, @Nullable String bu) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("start", Timestamp.from(start));
        params.put("end", Timestamp.from(end));
        if (bu != null) {
            params.put("bu", bu);
        }
        return params;
    }

    private static String forBu(@Nullable String bu) {
        return bu == null ? "" : " AND e.account_ref = :bu";
    }
}
