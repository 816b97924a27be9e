package io.unimember.coupon.budgets;

import static io.unimember.coupon.support.Times.ts;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subsidy pools. Issuing draws a coupon's face value (what it can cost its funder at most) from the pool of its
 * funding BU for the month it is issued in, locking the pool's row until the issue commits or rolls back; a BU with
 * no pool for the month is not limited. Every issuer takes the pool before the template's stock, so the two row
 * locks are always taken in one order.
 */
@Repository
public class SubsidyPools {

    /** Months are calendar months in the group's zone (design §7). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A pool as it stands. */
    public record Pool(String bu, String month, long limitFen, long usedFen) {

        public long remainingFen() {
            return Math.max(0, limitFen - usedFen);
        }
    }

    private final JdbcClient jdbc;

    SubsidyPools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZONE)).toString();
    }

    public static String currentMonth(Clock clock) {
        return monthOf(clock.instant());
    }

    /**
     * Draws up to {@code count} coupons of {@code faceFen} each from the BU's pool for the month of {@code at}: how
     * many it funds ({@code count} if the BU has no pool that month). The pool stays locked by this transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int draw(String bu, Instant at, long faceFen, int count) {
        if (count <= 0) {
            return 0;
        }
        String month = monthOf(at);
        Optional<Long> remaining = jdbc.sql(
                        "SELECT limit_fen - used_fen FROM subsidy_pool WHERE bu = ? AND month = ? FOR UPDATE")
                .params(bu, month)
                .query(Long.class)
                .optional();
        if (remaining.isEmpty()) {
            return count;
        }
        int funded = (int) Math.min(count, Math.max(0, remaining.get()) / Math.max(1, faceFen));
        if (funded > 0) {
            jdbc.sql("UPDATE subsidy_pool SET used_fen = used_fen + ? WHERE bu = ? AND month = ?")
                    .params(faceFen * funded, bu, month)
                    .update();
        }
        return funded;
    }

    /** Returns what a draw took for coupons that were not issued after all (their stock ran out), in the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(String bu, Instant at, long fen) {
        if (fen > 0) {
            jdbc.sql("UPDATE subsidy_pool SET used_fen = GREATEST(0, used_fen - ?) WHERE bu = ? AND month = ?")
                    .params(fen, bu, monthOf(at))
                    .update();
        }
    }

    public Optional<Pool> find(String bu, String month) {
        return jdbc.sql("SELECT bu, month, limit_fen, used_fen FROM subsidy_pool WHERE bu = ? AND month = ?")
                .params(bu, month)
                .query((rs, n) -> new Pool(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .optional();
    }

    List<Pool> ofMonth(String month) {
        return jdbc.sql("SELECT bu, month, limit_fen, used_fen FROM subsidy_pool WHERE month = ?")
                .param(month)
                .query((rs, n) -> new Pool(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Sets the month's limit; lowering it below what is used stops further issues and takes nothing back. */
    void setLimit(String bu, String month, long limitFen, String actor, Instant now) {
        jdbc.sql(
                        """
                INSERT INTO subsidy_pool (bu, month, limit_fen, used_fen, updated_by, updated_at)
                VALUES (?, ?, ?, 0, ?, ?)
                ON DUPLICATE KEY UPDATE limit_fen = VALUES(limit_fen), updated_by = VALUES(updated_by),
                    updated_at = VALUES(updated_at)""")
                .params(bu, month, limitFen, actor, ts(now))
                .update();
    }
}
