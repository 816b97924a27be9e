package io.unimember.settlement.reconciliation;

import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.RewardKept;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.settlement.SettlementProperties;
import io.unimember.settlement.SqlTimes;
import io.unimember.settlement.periods.PeriodKey;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The reconciliation cases, recorded by the tally's consumer from {@code coupon.reward_kept}, once per event. */
@Repository
class Cases {

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final SettlementProperties properties;

    Cases(JdbcClient jdbc, JsonMapper mapper, SettlementProperties properties) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.properties = properties;
    }

    /** The event as a case, or null if it is none. */
    @Nullable
    RewardKept read(EventEnvelope event) {
        if (!event.is(RewardKept.class)) {
            return null;
        }
        try {
            RewardKept kept = event.dataAs(RewardKept.class, mapper);
            if (kept.keptAt() == null || kept.couponId() == null || kept.orderId() == null) {
                throw new MalformedEventException("coupon.reward_kept without its coupon, order or time");
            }
            return kept;
        } catch (JacksonException e) {
            throw new MalformedEventException("coupon.reward_kept payload unreadable: " + e.getOriginalMessage());
        }
    }

    void record(EventEnvelope event, RewardKept kept) {
        jdbc.sql(
                        """
                        INSERT IGNORE INTO reconciliation_case
                          (event_id, kind, member_id, coupon_id, funding_bu, order_bu, order_ref, period, happened_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        event.eventId().toString(),
                        ReconciliationCase.REWARD_USED_BEFORE_REFUND,
                        kept.memberId(),
                        kept.couponId(),
                        kept.fundingBu(),
                        kept.orderBu(),
                        kept.orderId(),
                        PeriodKey.containing(kept.keptAt(), properties.zone()).toString(),
                        SqlTimes.utc(kept.keptAt().truncatedTo(ChronoUnit.MICROS)))
                .update();
    }

    List<ReconciliationCase> of(PeriodKey period) {
        return jdbc.sql("SELECT kind, event_id, member_id, coupon_id, funding_bu, order_bu, order_ref"
                        + " FROM reconciliation_case WHERE period = ? ORDER BY happened_at, event_id")
                .param(period.toString())
                .query((rs, n) -> new ReconciliationCase(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
