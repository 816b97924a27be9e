package io.unimember.tier.tiers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tier_rule} table. */
@Repository
class TierRuleRepository {

    private static final String COLUMNS =
            "code, name, tier_rank, growth_threshold, points_multiplier, monthly_coupons, revision";

    private final JdbcClient jdbc;

    TierRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Tier> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tier_rule ORDER BY tier_rank")
                .query(TierRuleRepository::tier)
                .list();
    }

    /** All rules, locked until the transaction ends, so two admin changes cannot interleave their validation. */
    List<Tier> lockAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tier_rule ORDER BY tier_rank FOR UPDATE")
                .query(TierRuleRepository::tier)
                .list();
    }

    void update(Tier tier, String by, Instant at) {
        jdbc.sql(
                        """
                        UPDATE tier_rule SET name = ?, growth_threshold = ?, points_multiplier = ?, monthly_coupons = ?,
                               revision = ?, updated_at = ?, updated_by = ?
                        WHERE code = ?""")
                .params(
                        tier.name(),
                        tier.growthThreshold(),
                        tier.pointsMultiplier(),
                        tier.monthlyCoupons(),
                        tier.revision(),
                        Timestamp.from(at),
                        by,
                        tier.code())
                .update();
    }

    private static Tier tier(ResultSet rs, int row) throws SQLException {
        return new Tier(
                rs.getString("code"),
                rs.getString("name"),
                rs.getInt("tier_rank"),
                rs.getLong("growth_threshold"),
                rs.getBigDecimal("points_multiplier"),
                rs.getInt("monthly_coupons"),
                rs.getLong("revision"));
    }
}
