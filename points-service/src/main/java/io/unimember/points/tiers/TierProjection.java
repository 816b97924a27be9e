package io.unimember.points.tiers;

import io.unimember.common.events.TierChanged;
import io.unimember.common.inbox.MalformedEventException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each member's points multiplier, projected locally from {@code tier.changed} so earning never asks tier-service.
 * A member without a tier event yet earns at 1.0; an event older than the one applied (by {@code version}) is ignored.
 */
@Component
public class TierProjection {

    /** Multipliers above this are a broken event, not a tier. */
    private static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final Clock clock;

    TierProjection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public BigDecimal multiplierOf(String memberId) {
        return jdbc.sql("SELECT points_multiplier FROM member_tier WHERE member_id = ?")
                .param(memberId)
                .query(BigDecimal.class)
                .optional()
                .orElse(BigDecimal.ONE);
    }

    /** The multipliers of many members in one statement; members without a tier event are not in the map. */
    public Map<String, BigDecimal> multipliersOf(Collection<String> memberIds) {
        Map<String, BigDecimal> multipliers = new HashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.sql("SELECT member_id, points_multiplier FROM member_tier WHERE member_id IN (:ids)")
                    .param("ids", memberIds)
                    .query(rs -> {
                        multipliers.put(rs.getString(1), rs.getBigDecimal(2));
                    });
        }
        return multipliers;
    }

    /** Applies a tier change unless a newer one is already applied; returns whether it changed the projection. */
    boolean apply(TierChanged event) {
        BigDecimal multiplier = parse(event.pointsMultiplier());
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Long> applied = jdbc.sql("SELECT version FROM member_tier WHERE member_id = ? FOR UPDATE")
                .param(event.memberId())
                .query(Long.class)
                .optional();
        if (applied.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO member_tier (member_id, tier, points_multiplier, version, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?)")
                        .params(event.memberId(), event.to(), multiplier, event.version(), now)
                        .update();
                return true;
            } catch (DuplicateKeyException concurrentFirstEvent) {
                // another event of this member got there first; fall through to the version-guarded update
            }
        }
        return jdbc.sql("UPDATE member_tier SET tier = ?, points_multiplier = ?, version = ?, updated_at = ?"
                                + " WHERE member_id = ? AND version < ?")
                        .params(event.to(), multiplier, event.version(), now, event.memberId(), event.version())
                        .update()
                == 1;
    }

    private static BigDecimal parse(String multiplier) {
        try {
            BigDecimal value = new BigDecimal(multiplier);
            if (value.signum() < 0 || value.compareTo(MAX_MULTIPLIER) > 0 || value.scale() > 4) {
                throw new MalformedEventException("pointsMultiplier out of range: " + multiplier);
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            throw new MalformedEventException("pointsMultiplier is not a decimal: " + multiplier);
        }
    }
}
