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
import org.springframework.lang.Contract;
import org.springframework.stereotype.Repository;

/** The {@code member_tier} table. Every change locks the member's row first, so one member changes one at a time. */
@Repository
class MemberTiers {

    /** A member's columns, in the order {@link #bind} sets them and {@link #row} reads them. */
    private static final String COLUMNS =
            """
            member_id, tier_code, reached_at, retained_until, growth, next_tier, growth_to_next, has_ordered,
            rules_revision, downgrade_period, registered_at, version""";

    private static final String INSERT = "INSERT INTO member_tier (" + COLUMNS
            + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_OR_LOCK = INSERT + " ON DUPLICATE KEY UPDATE member_id = member_id";

    private static final String UPSERT = INSERT
            + """
             ON DUPLICATE KEY UPDATE tier_code = VALUES(tier_code), reached_at = VALUES(reached_at),
                   retained_until = VALUES(retained_until), growth = VALUES(growth), next_tier = VALUES(next_tier),
                   growth_to_next = VALUES(growth_to_next), has_ordered = VALUES(has_ordered),
                   rules_revision = VALUES(rules_revision), downgrade_period = VALUES(downgrade_period),
                   registered_at = VALUES(registered_at), version = VALUES(version), updated_at = VALUES(updated_at)""";

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

    /**
     * Inserts each member unless they exist, in one statement, and either way holds their rows' exclusive locks
     * afterwards. The upsert takes an exclusive lock on a duplicate too, where a plain insert would take a shared
     * one: two transactions creating the same member would then both hold shared locks and deadlock upgrading them.
     */
    void insertAllOrLock(List<MemberTier> members, Instant now) {
        batch.batchUpdate(INSERT_OR_LOCK, members, members.size(), (ps, m) -> bind(ps, m, now));
    }

    /** Writes every member's row in one statement; each is locked by this transaction (an upsert, so one binding). */
    void saveAll(List<MemberTier> members, Instant now) {
        if (members.isEmpty()) {
            return;
        }
        batch.batchUpdate(UPSERT, members, members.size(), (ps, m) -> bind(ps, m, now));
    }

    /** Writes the member's row; it is locked by this transaction. */
    void save(MemberTier m, Instant now) {
        saveAll(List.of(m), now);
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
                .query((rs, n) -> rs.getString(1))
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
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    private static void bind(PreparedStatement ps, MemberTier m, Instant now) throws SQLException {
        ps.setString(1, m.memberId());
        ps.setString(2, m.standing().tier());
        ps.setTimestamp(3, ts(m.standing().reachedAt()));
        ps.setTimestamp(4, ts(m.standing().retainedUntil()));
        ps.setLong(5, m.view().growth());
        ps.setString(6, m.view().nextTier());
        ps.setLong(7, m.view().growthToNext());
        ps.setBoolean(8, m.applied().hasOrdered());
        ps.setLong(9, m.applied().rulesRevision());
        ps.setString(10, m.applied().downgradePeriod());
        ps.setTimestamp(11, ts(m.applied().registeredAt()));
        ps.setLong(12, m.version());
        ps.setTimestamp(13, ts(now)); // created_at, kept by an update
        ps.setTimestamp(14, ts(now)); // updated_at
    }

    private static MemberTier row(ResultSet rs, int n) throws SQLException {
        return new MemberTier(
                rs.getString("member_id"),
                new MemberTier.Standing(
                        rs.getString("tier_code"),
                        rs.getTimestamp("reached_at").toInstant(),
                        instant(rs.getTimestamp("retained_until"))),
                new MemberTier.GrowthView(
                        rs.getLong("growth"), rs.getString("next_tier"), rs.getLong("growth_to_next")),
                new MemberTier.Applied(
                        rs.getBoolean("has_ordered"),
                        rs.getLong("rules_revision"),
                        rs.getString("downgrade_period"),
                        instant(rs.getTimestamp("registered_at"))),
                rs.getLong("version"));
    }

    @Contract("!null -> !null")
    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Contract("!null -> !null")
    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
