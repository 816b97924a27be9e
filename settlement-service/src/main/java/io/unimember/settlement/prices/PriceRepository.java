package io.unimember.settlement.prices;

import io.unimember.settlement.BenefitType;
import io.unimember.settlement.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Price versions; rows are only ever added. */
@Repository
class PriceRepository {

    private static final String COLUMNS =
            "id, benefit_type, from_party, to_party, rate_bp, effective_from, created_at, created_by";

    private final JdbcClient jdbc;

    PriceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PriceQuote> inForceAt(BenefitType type, String fromBu, String toBu, Instant at) {
        return jdbc.sql(
                        """
                        SELECT id, rate_bp FROM settlement_price
                        WHERE benefit_type = ? AND from_party = ? AND to_party = ? AND effective_from <= ?
                        ORDER BY effective_from DESC LIMIT 1""")
                .params(type.name(), fromBu, toBu, SqlTimes.utc(at))
                .query((rs, n) -> new PriceQuote(rs.getLong(1), rs.getInt(2)))
                .optional();
    }

    Optional<PriceView> version(BenefitType type, String fromBu, String toBu, Instant effectiveFrom) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM settlement_price"
                        + " WHERE benefit_type = ? AND from_party = ? AND to_party = ? AND effective_from = ?")
                .params(type.name(), fromBu, toBu, SqlTimes.utc(effectiveFrom))
                .query(PriceRepository::view)
                .optional();
    }

    /** Adds a version unless one exists for the same key (a concurrent twin); the caller re-reads either way. */
    void insertIfAbsent(PriceEntry entry, Instant now, String by) {
        jdbc.sql(
                        """
                        INSERT IGNORE INTO settlement_price
                          (benefit_type, from_party, to_party, rate_bp, effective_from, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        entry.benefitType().name(),
                        entry.fromBu(),
                        entry.toBu(),
                        entry.rateBp(),
                        SqlTimes.utc(entry.effectiveFrom()),
                        SqlTimes.utc(now),
                        by)
                .update();
    }

    List<PriceView> page(
            @Nullable BenefitType type, @Nullable String fromBu, @Nullable String toBu, long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM settlement_price"
                        + " WHERE id > :after"
                        + " AND (:type IS NULL OR benefit_type = :type)"
                        + " AND (:from IS NULL OR from_party = :from)"
                        + " AND (:to IS NULL OR to_party = :to)"
                        + " ORDER BY id LIMIT :limit")
                .param("after", afterId)
                .param("type", type == null ? null : type.name())
                .param("from", fromBu)
                .param("to", toBu)
                .param("limit", limit)
                .query(PriceRepository::view)
                .list();
    }

    private static PriceView view(ResultSet rs, int n) throws SQLException {
        return new PriceView(
                rs.getLong("id"),
                BenefitType.valueOf(rs.getString("benefit_type")),
                rs.getString("from_party"),
                rs.getString("to_party"),
                rs.getInt("rate_bp"),
                rs.getTimestamp("effective_from").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
