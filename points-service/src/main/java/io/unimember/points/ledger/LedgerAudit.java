package io.unimember.points.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves the ledger adds up: every transfer's entries sum to zero (so all entries do), every transfer has entries,
 * and every member's balance row and open lots agree with the entries. Tests run it after each class; operators
 * can run it through the admin API.
 */
@Component
public class LedgerAudit {

    private static final int SHOWN = 20;

    private final JdbcClient jdbc;

    LedgerAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param totalsByAccountType the sum of entries per account type (these add up to {@code total})
     * @param unbalancedTransfers transfers whose entries do not sum to zero (first few)
     * @param transfersWithoutEntries transfers with fewer than two entries
     * @param balanceMismatches members whose balance row differs from their accounts' entries or is negative
     * @param lotMismatches members whose open lots do not add up to their available points
     */
    public record Report(
            long transfers,
            long total,
            Map<String, Long> totalsByAccountType,
            List<String> unbalancedTransfers,
            long transfersWithoutEntries,
            List<String> balanceMismatches,
            List<String> lotMismatches) {

        public boolean balanced() {
            return total == 0
                    && unbalancedTransfers.isEmpty()
                    && transfersWithoutEntries == 0
                    && balanceMismatches.isEmpty()
                    && lotMismatches.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public Report run() {
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.sql("SELECT account_type, SUM(amount) AS total FROM ledger_entry GROUP BY account_type ORDER BY 1")
                .query(rs -> {
                    totals.put(rs.getString("account_type"), rs.getLong("total"));
                });
        return new Report(
                count("SELECT COUNT(*) FROM ledger_transfer"),
                count("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry"),
                totals,
                ids("SELECT transfer_id FROM ledger_entry GROUP BY transfer_id HAVING SUM(amount) <> 0 LIMIT " + SHOWN),
                count("SELECT COUNT(*) FROM ledger_transfer t WHERE (SELECT COUNT(*) FROM ledger_entry e"
                        + " WHERE e.transfer_id = t.transfer_id) < 2"),
                ids("SELECT b.member_id FROM member_balance b LEFT JOIN ("
                        + " SELECT account_ref,"
                        + " SUM(CASE WHEN account_type = 'MEMBER_AVAILABLE' THEN amount ELSE 0 END) AS available,"
                        + " SUM(CASE WHEN account_type = 'MEMBER_FROZEN' THEN amount ELSE 0 END) AS frozen,"
                        + " SUM(CASE WHEN account_type = 'MEMBER_DEBT' THEN amount ELSE 0 END) AS debt"
                        + " FROM ledger_entry"
                        + " WHERE account_type IN ('MEMBER_AVAILABLE', 'MEMBER_FROZEN', 'MEMBER_DEBT')"
                        + " GROUP BY account_ref) l ON l.account_ref = b.member_id"
                        + " WHERE b.available <> COALESCE(l.available, 0) OR b.frozen <> COALESCE(l.frozen, 0)"
                        + " OR b.debt <> -COALESCE(l.debt, 0) OR b.available < 0 OR b.frozen < 0 OR b.debt < 0"
                        + " LIMIT " + SHOWN),
                ids("SELECT b.member_id FROM member_balance b LEFT JOIN ("
                        + " SELECT member_id, SUM(remaining) AS remaining FROM points_lot GROUP BY member_id) l"
                        + " ON l.member_id = b.member_id WHERE b.available <> COALESCE(l.remaining, 0)"
                        + " LIMIT " + SHOWN));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The first column of each row, a NOT NULL id column in every query here. */
    private List<String> ids(String sql) {
        return jdbc.sql(sql).query((rs, n) -> rs.getString(1)).list();
    }
}
