package io.unimember.points.tiers;

import io.unimember.common.events.TierChanged;
import io.unimember.common.inbox.MalformedEventException;
import io.unimember.points.memberships.MembershipProjection;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each member's points multiplier, projected locally from {@code tier.changed} so earning never asks tier-service.
 * A member without a tier event yet earns at 1.0; an event older than the one applied (by {@code version}) is ignored.
 * A running paid membership adds its bonus to the tier's multiplier (decision 0040).
 */
@Component
public class TierProjection {

    /** Multipliers above this are a broken event, not a tier. */
    private static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final MembershipProjection memberships;
    private final Clock clock;

    TierProjection(JdbcClient jdbc, JdbcTemplate batch, MembershipProjection memberships, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.memberships = memberships;
        this.clock = clock;
    }

    public BigDecimal multiplierOf(String memberId) {
        return multipliersOf(List.of(memberId)).getOrDefault(memberId, BigDecimal.ONE);
    }

    /**
     * The multipliers of many members, tier plus membership bonus, in two statements; members with neither a tier
     * event nor a running membership are not in the map.
     */
    public Map<String, BigDecimal> multipliersOf(Collection<String> memberIds) {
        Map<String, BigDecimal> multipliers = new HashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.sql("SELECT member_id, points_multiplier FROM member_tier WHERE member_id IN (:ids)")
                    .param("ids", memberIds)
                    .query(rs -> {
                        multipliers.put(rs.getString(1), rs.getBigDecimal(2));
                    });
            memberships
                    .bonusesOf(memberIds)
                    .forEach((member, bonus) ->
                            multipliers.merge(member, BigDecimal.ONE.add(bonus), (tier, plus) -> tier.add(bonus)));
        }
        return multipliers;
    }

    /**
     * Applies a batch of tier changes in one statement: per member the newest of the batch, and only where it is
     * newer (by {@code version}) than the one applied. A member's first event inserts their row.
     */
    void applyAll(List<TierChanged> events) {
        List<TierChanged> rows = TierChanged.newestPerMember(events);
        if (rows.isEmpty()) {
            return;
        }
        List<BigDecimal> multipliers =
                rows.stream().map(e -> parse(e.pointsMultiplier())).toList();
        Timestamp now = Timestamp.from(clock.instant());
        // MySQL and MariaDB assign left to right and later assignments see earlier ones: version goes last
        batch.batchUpdate(
                """
                INSERT INTO member_tier (member_id, tier, points_multiplier, version, updated_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE
                    tier = IF(VALUES(version) > version, VALUES(tier), tier),
                    points_multiplier = IF(VALUES(version) > version, VALUES(points_multiplier), points_multiplier),
                    updated_at = IF(VALUES(version) > version, VALUES(updated_at), updated_at),
                    version = GREATEST(version, VALUES(version))""",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        TierChanged e = rows.get(i);
                        ps.setString(1, e.memberId());
                        ps.setString(2, e.to());
                        ps.setBigDecimal(3, multipliers.get(i));
                        ps.setLong(4, e.version());
                        ps.setTimestamp(5, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
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
