package io.unimember.tier.membership;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code member_tier} table. Every change locks the member's row first, so one member changes one at a time. */
@Repository
class MemberTiers {

    private static final String COLUMNS =
            """
            member_id, tier_code, reached_at, retained_until, has_ordered, growth, next_tier, growth_to_next, version,
            rules_revision, downgrade_period, registered_at""";

    private static final String INSERT =
            """
            INSERT INTO member_tier (member_id, tier_code, reached_at, retained_until, has_ordered, growth, next_tier,
                   growth_to_next, version, rules_revision, downgrade_period, registered_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MemberTiers(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<MemberTier> find(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_tier WHERE member_id = ?")
                .param(memberId)
                .query(MemberTiers::row)
                .optional();
    }

    Optional<MemberTier> lock(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_tier WHERE member_id = ? FOR UPDATE")
                .param(memberId)
                .query(MemberTiers::row)
                .optional();
    }

    /** The members' rows, locked in member id order, in one statement; a member with no row is absent. */
    Map<String, MemberTier> lockAll(Collection<String> memberIds) {
        Map<String, MemberTier> locked = new HashMap<>();
        if (memberIds.isEmpty()) {
            return locked;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM member_tier WHERE member_id IN (:members) ORDER BY member_id FOR UPDATE")
                .param("members", memberIds)
                .query(MemberTiers::row)
                .list()
                .forEach(m -> locked.put(m.memberId(), m));
        return locked;
    }

    /** {@link #insertOrLock} for several members in one statement. */
    void insertAllOrLock(List<MemberTier> members, Instant now) {
        batch.batchUpdate(
                INSERT + " ON DUPLICATE KEY UPDATE member_id = member_id",
                members,
                members.size(),
                (ps, m) -> bind(ps, m, now));
    }

    /** Writes every member's row in one statement; each is locked by this transaction. */
    void saveAll(List<MemberTier> members, Instant now) {
        if (members.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                INSERT
                        + """
                         ON DUPLICATE KEY UPDATE tier_code = VALUES(tier_code), reached_at = VALUES(reached_at),
                               retained_until = VALUES(retained_until), has_ordered = VALUES(has_ordered),
                               growth = VALUES(growth), next_tier = VALUES(next_tier),
                               growth_to_next = VALUES(growth_to_next), version = VALUES(version),
                               rules_revision = VALUES(rules_revision), downgrade_period = VALUES(downgrade_period),
                               registered_at = VALUES(registered_at), updated_at = VALUES(updated_at)""",
                members,
                members.size(),
                (ps, m) -> bind(ps, m, now));
    }

    /**
     * Inserts the member unless they exist, and either way holds their row's exclusive lock afterwards. The upsert
     * takes an exclusive lock on a duplicate too, where a plain insert would take a shared one: two transactions
     * creating the same member would then both hold shared locks and deadlock upgrading them.
     */
    void insertOrLock(MemberTier m, Instant now) {
        insertAllOrLock(List.of(m), now);
    }

    void save(MemberTier m, Instant now) {
        jdbc.sql(
                        """
                        UPDATE member_tier SET tier_code = ?, reached_at = ?, retained_until = ?, has_ordered = ?,
                               growth = ?, next_tier = ?, growth_to_next = ?, version = ?, rules_revision = ?,
                               downgrade_period = ?, registered_at = ?, updated_at = ?
                        WHERE member_id = ?""")
                .params(
                        m.tier(),
                        ts(m.reachedAt()),
                        ts(m.retainedUntil()),
                        m.hasOrdered(),
                        m.growth(),
                        m.nextTier(),
                        m.growthToNext(),
                        m.version(),
                        m.rulesRevision(),
                        m.downgradePeriod(),
                        ts(m.registeredAt()),
                        ts(now),
                        m.memberId())
                .update();
    }

    /** Members above the lowest tier, past retention, not yet evaluated for {@code period}. */
    List<String> downgradeCandidates(String lowestTier, String period, Instant now, String after, int limit) {
        return jdbc.sql(
                        """
                        SELECT member_id FROM member_tier
                        WHERE member_id > ? AND tier_code <> ?
                          AND (downgrade_period IS NULL OR downgrade_period < ?)
                          AND (retained_until IS NULL OR retained_until <= ?)
                        ORDER BY member_id LIMIT ?""")
                .params(after, lowestTier, period, ts(now), limit)
                .query(String.class)
                .list();
    }

    /** Members last evaluated against rules older than {@code revision}. */
    List<String> evaluatedBefore(long revision, String after, int limit) {
        return jdbc.sql(
                        """
                        SELECT member_id FROM member_tier
                        WHERE rules_revision < ? AND member_id > ?
                        ORDER BY member_id LIMIT ?""")
                .params(revision, after, limit)
                .query(String.class)
                .list();
    }

    private static void bind(PreparedStatement ps, MemberTier m, Instant now) throws SQLException {
        ps.setString(1, m.memberId());
        ps.setString(2, m.tier());
        ps.setTimestamp(3, ts(m.reachedAt()));
        ps.setTimestamp(4, ts(m.retainedUntil()));
        ps.setBoolean(5, m.hasOrdered());
        ps.setLong(6, m.growth());
        ps.setString(7, m.nextTier());
        ps.setLong(8, m.growthToNext());
        ps.setLong(9, m.version());
        ps.setLong(10, m.rulesRevision());
        ps.setString(11, m.downgradePeriod());
        ps.setTimestamp(12, ts(m.registeredAt()));
        ps.setTimestamp(13, ts(now));
        ps.setTimestamp(14, ts(now));
    }

    private static MemberTier row(ResultSet rs, int n) throws SQLException {
        return new MemberTier(
                rs.getString("member_id"),
                rs.getString("tier_code"),
                rs.getTimestamp("reached_at").toInstant(),
                instant(rs.getTimestamp("retained_until")),
                rs.getBoolean("has_ordered"),
                rs.getLong("growth"),
                rs.getString("next_tier"),
                rs.getLong("growth_to_next"),
                rs.getLong("version"),
                rs.getLong("rules_revision"),
                rs.getString("downgrade_period"),
                instant(rs.getTimestamp("registered_at")));
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
