package io.unimember.settlement.reconciliation;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.SqlTimes;
import io.unimember.settlement.periods.PeriodKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code redemption_report} tally: rows as reported, summed per pair on reading. */
@Repository
class TallyRepository {

    private final JdbcClient jdbc;

    TallyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(List<ReportedRedemption> rows, Instant now) {
        for (ReportedRedemption row : rows) {
            ReportedRedemption r = row.faceFen() < 0 ? atOriginalUsage(row) : row;
            try {
                jdbc.sql(
                                """
                                INSERT INTO redemption_report
                                  (event_id, benefit_type, from_party, to_party, face_fen, source_ref, order_ref,
                                   used_at, usage_period, reported_by, recorded_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(Arrays.asList( // order_ref is NULL for a coupon used without an order
                                r.eventId().toString(),
                                r.benefitType().name(),
                                r.fromBu(),
                                r.toBu(),
                                r.faceFen(),
                                r.sourceRef(),
                                r.orderRef(),
                                SqlTimes.utc(r.usedAt()),
                                r.usagePeriod(),
                                r.reportedBy(),
                                SqlTimes.utc(now)))
                        .update();
            } catch (DuplicateKeyException alreadyTallied) {
                // the row is the event's own: recorded before, nothing to add
            }
        }
    }

    /**
     * A reversal tallied where the journal books it: at the usage of the latest redemption it reverses (a coupon's by
     * its id, an order's points by the order and spending BU), or its own time if the tally never saw that one.
     */
    private ReportedRedemption atOriginalUsage(ReportedRedemption r) {
        var original = (r.benefitType() == BenefitType.COUPON
                        ? jdbc.sql(
                                        "SELECT used_at, usage_period FROM redemption_report WHERE source_ref = ?"
                                                + " AND benefit_type = 'COUPON' AND face_fen >= 0 ORDER BY used_at DESC LIMIT 1")
                                .param(r.sourceRef())
                        : jdbc.sql("SELECT used_at, usage_period FROM redemption_report WHERE order_ref = ?"
                                        + " AND benefit_type = 'POINTS' AND to_party = ? AND face_fen >= 0"
                                        + " ORDER BY used_at DESC LIMIT 1")
                                .params(Arrays.asList(r.orderRef(), r.toBu())))
                .query((rs, n) -> new ReportedRedemption(
                        r.eventId(),
                        r.benefitType(),
                        r.fromBu(),
                        r.toBu(),
                        r.faceFen(),
                        r.sourceRef(),
                        r.orderRef(),
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        r.reportedBy()))
                .optional();
        return original.orElse(r);
    }

    List<Reported> totals(PeriodKey usagePeriod) {
        return jdbc.sql(
                        """
                        SELECT benefit_type, from_party, to_party, SUM(CASE WHEN face_fen < 0 THEN -1 ELSE 1 END),
                               SUM(face_fen) FROM redemption_report
                        WHERE usage_period = ? GROUP BY benefit_type, from_party, to_party""")
                .param(usagePeriod.toString())
                .query((rs, n) -> new Reported(
                        BenefitType.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    List<String> eventIds(PeriodKey usagePeriod, BenefitType type, String fromBu, String toBu) {
        return jdbc.sql(
                        """
                        SELECT event_id FROM redemption_report
                        WHERE usage_period = ? AND benefit_type = ? AND from_party = ? AND to_party = ?""")
                .params(usagePeriod.toString(), type.name(), fromBu, toBu)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    record Reported(BenefitType benefitType, String fromBu, String toBu, long count, long faceFen) {}
}
