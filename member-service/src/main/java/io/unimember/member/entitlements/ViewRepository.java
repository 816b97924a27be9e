package io.unimember.member.entitlements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ViewRepository {

    private final JdbcClient jdbc;

    ViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String json, long tierVersion, long growthVersion, long pointsVersion, long rowVersion) {}

    record Versions(long tierVersion, long growthVersion, long pointsVersion) {}

    Optional<Row> find(String memberId) {
        return jdbc.sql("SELECT view_json, tier_version, growth_version, points_version, row_version"
                        + " FROM entitlement_view WHERE member_id = ?")
                .param(memberId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .optional();
    }

    /** The member's row, made from {@code initialJson} at version 0 if absent, locked until the transaction ends. */
    Row lockOrCreate(String memberId, String initialJson, Instant now) {
        jdbc.sql("INSERT INTO entitlement_view (member_id, view_json, updated_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE member_id = member_id")
                .params(memberId, initialJson, Timestamp.from(now))
                .update();
        return jdbc.sql("SELECT view_json, tier_version, growth_version, points_version, row_version"
                        + " FROM entitlement_view WHERE member_id = ? FOR UPDATE")
                .param(memberId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    void save(String memberId, String json, Versions versions, long rowVersion, Instant now) {
        jdbc.sql("UPDATE entitlement_view SET view_json = ?, tier_version = ?, growth_version = ?, points_version = ?,"
                        + " row_version = ?, updated_at = ? WHERE member_id = ?")
                .params(
                        json,
                        versions.tierVersion(),
                        versions.growthVersion(),
                        versions.pointsVersion(),
                        rowVersion,
                        Timestamp.from(now),
                        memberId)
                .update();
    }
}
