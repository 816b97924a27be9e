package io.unimember.member.tokens;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefreshTokenRepository {

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored refresh token with the state of its family. */
    record Stored(
            String familyId,
            String memberId,
            String scope,
            Instant expiresAt,
            @Nullable Instant usedAt,
            @Nullable Instant familyRevokedAt,
            @Nullable String clientId) {}

    /** An access token issued with a family: revoked with it. */
    record FamilyAccess(String jti, Instant expiresAt) {}

    void insertFamily(String familyId, String memberId, @Nullable String clientId, Instant now) {
        jdbc.sql("INSERT INTO refresh_family (family_id, member_id, client_id, created_at) VALUES (?, ?, ?, ?)")
                .params(familyId, memberId)
                .param(clientId) // NULL: the first-party app; params(Object...) takes no nulls
                .param(Timestamp.from(now))
                .update();
    }

    void insertAccess(String familyId, String jti, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_family_access_token (family_id, jti, expires_at) VALUES (?, ?, ?)")
                .params(familyId, jti, Timestamp.from(expiresAt))
                .update();
    }

    List<FamilyAccess> liveAccess(String familyId, Instant now) {
        return jdbc.sql(
                        "SELECT jti, expires_at FROM refresh_family_access_token WHERE family_id = ? AND expires_at > ?")
                .params(familyId, Timestamp.from(now))
                .query((rs, n) ->
                        new FamilyAccess(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** Forgets the access-token links that expired before {@code cutoff}. */
    int deleteExpiredAccess(Instant cutoff, int limit) {
        return jdbc.sql("DELETE FROM refresh_family_access_token WHERE expires_at < ? LIMIT ?")
                .params(Timestamp.from(cutoff), limit)
                .update();
    }

    void insert(String tokenHash, String familyId, String memberId, String scope, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_token (token_hash, family_id, member_id, scope, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(tokenHash, familyId, memberId, scope, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    /** The token and its family, locked: two refreshes with one token run one after the other. */
    Optional<Stored> lock(String tokenHash) {
        return jdbc.sql("SELECT t.family_id, t.member_id, t.scope, t.expires_at, t.used_at, f.revoked_at, f.client_id"
                        + " FROM refresh_token t JOIN refresh_family f ON f.family_id = t.family_id"
                        + " WHERE t.token_hash = ? FOR UPDATE")
                .param(tokenHash)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        rs.getString(7)))
                .optional();
    }

    /** The token and its family as they are, for introspection. */
    Optional<Stored> find(String tokenHash) {
        return jdbc.sql("SELECT t.family_id, t.member_id, t.scope, t.expires_at, t.used_at, f.revoked_at, f.client_id"
                        + " FROM refresh_token t JOIN refresh_family f ON f.family_id = t.family_id"
                        + " WHERE t.token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        rs.getString(7)))
                .optional();
    }

    void markUsed(String tokenHash, Instant now) {
        jdbc.sql("UPDATE refresh_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(Timestamp.from(now), tokenHash)
                .update();
    }

    void revokeFamily(String familyId, Instant now, String reason) {
        jdbc.sql(
                        "UPDATE refresh_family SET revoked_at = ?, revoked_reason = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), reason, familyId)
                .update();
    }

    /** The member a family belongs to; empty when there is no such family. */
    Optional<String> memberOfFamily(String familyId) {
        return jdbc.sql("SELECT member_id FROM refresh_family WHERE family_id = ?")
                .param(familyId)
                .query(String.class)
                .optional();
    }

    /** The member's families that are not revoked yet. */
    List<String> liveFamiliesOf(String memberId) {
        return jdbc.sql("SELECT family_id FROM refresh_family WHERE member_id = ? AND revoked_at IS NULL")
                .param(memberId)
                .query((rs, n) -> rs.getString(1)) // family_id is NOT NULL
                .list();
    }

    /** Forgets tokens that expired before {@code cutoff}; their families stay as a record. */
    int deleteExpired(Instant cutoff, int limit) {
        return jdbc.sql("DELETE FROM refresh_token WHERE expires_at < ? LIMIT ?")
                .params(Timestamp.from(cutoff), limit)
                .update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
