package io.unimember.points;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the ledger's entries say about one member, for tests to check balances against. */
public final class LedgerQueries {

    /** A member's accounts as the sums of their ledger entries. */
    public record MemberLedger(long earned, long available, long frozen, long spent, long expired, long debt) {}

    private LedgerQueries() {}

    public static MemberLedger of(JdbcClient jdbc, String memberId) {
        return new MemberLedger(
                sum(
                        jdbc,
                        "SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entry e JOIN ledger_transfer t"
                                + " ON t.transfer_id = e.transfer_id WHERE t.member_id = ? AND t.kind = 'EARN'"
                                + " AND e.account_type = 'MEMBER_AVAILABLE'",
                        memberId),
                sum(
                        jdbc,
                        "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE account_ref = ?"
                                + " AND account_type = 'MEMBER_AVAILABLE'",
                        memberId),
                sum(
                        jdbc,
                        "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE account_ref = ?"
                                + " AND account_type = 'MEMBER_FROZEN'",
                        memberId),
                sum(
                        jdbc,
                        "SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entry e JOIN ledger_transfer t"
                                + " ON t.transfer_id = e.transfer_id WHERE t.member_id = ?"
                                + " AND e.account_type = 'REDEMPTION'",
                        memberId),
                sum(
                        jdbc,
                        "SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entry e JOIN ledger_transfer t"
                                + " ON t.transfer_id = e.transfer_id WHERE t.member_id = ?"
                                + " AND e.account_type = 'EXPIRY'",
                        memberId),
                -sum(
                        jdbc,
                        "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE account_ref = ?"
                                + " AND account_type = 'MEMBER_DEBT'",
                        memberId));
    }

    /** The member's balance row: available, frozen, lifetime earned, debt, version. */
    public static long[] balanceRow(JdbcClient jdbc, String memberId) {
        return jdbc.sql(
                        "SELECT available, frozen, lifetime_earned, debt, version FROM member_balance WHERE member_id = ?")
                .param(memberId)
                .query((rs, n) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .optional()
                .orElse(new long[] {0, 0, 0, 0, 0});
    }

    public static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static long sum(JdbcClient jdbc, String sql, String memberId) {
        return jdbc.sql(sql).param(memberId).query(Long.class).single();
    }
}
