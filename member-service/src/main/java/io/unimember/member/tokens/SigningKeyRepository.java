package io.unimember.member.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

    private static final String COLUMNS = "kid, public_key, private_key_enc, active, created_at, retire_at";

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keys still in the JWKS at {@code now}: the active one and those whose tokens may not have expired yet. */
    List<StoredKey> findPublished(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM signing_key WHERE retire_at IS NULL OR retire_at > ? ORDER BY created_at DESC")
                .param(Timestamp.from(now))
                .query(SigningKeyRepository::map)
                .list();
    }

    /** The active key, locked until the transaction ends, so two rotations run one after the other. */
    Optional<StoredKey> lockActive() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE active = 1 FOR UPDATE")
                .query(SigningKeyRepository::map)
                .optional();
    }

    void insertActive(String kid, String publicKey, String privateKeyEncrypted, Instant now) {
        jdbc.sql(
                        "INSERT INTO signing_key (kid, public_key, private_key_enc, active, created_at) VALUES (?, ?, ?, 1, ?)")
                .params(kid, publicKey, privateKeyEncrypted, Timestamp.from(now))
                .update();
    }

    /** Stops a key signing: its private half is erased and it leaves the JWKS at {@code retireAt}. */
    void deactivate(String kid, Instant now, Instant retireAt) {
        jdbc.sql("UPDATE signing_key SET active = NULL, private_key_enc = NULL, deactivated_at = ?, retire_at = ?"
                        + " WHERE kid = ?")
                .params(Timestamp.from(now), Timestamp.from(retireAt), kid)
                .update();
    }

    private static StoredKey map(ResultSet rs, int row) throws SQLException {
        return new StoredKey(
                rs.getString("kid"),
                rs.getString("public_key"),
                rs.getString("private_key_enc"),
                rs.getInt("active") == 1,
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("retire_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
