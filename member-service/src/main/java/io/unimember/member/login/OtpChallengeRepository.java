package io.unimember.member.login;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OtpChallengeRepository {

    private final JdbcClient jdbc;

    OtpChallengeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Challenge(
            @Nullable String codeHash,
            @Nullable Instant expiresAt,
            int failedAttempts,
            @Nullable Instant lockedUntil) {}

    Optional<Challenge> find(String phoneHash) {
        return select(phoneHash, "");
    }

    /** The phone's challenge, locked: concurrent guesses are counted one after the other. */
    Optional<Challenge> lock(String phoneHash) {
        return select(phoneHash, " FOR UPDATE");
    }

    /** A new code replaces any previous one and resets the wrong-guess count; a lock stays. */
    void saveCode(String phoneHash, String codeHash, Instant expiresAt, Instant now) {
        jdbc.sql("INSERT INTO otp_challenge (phone_hash, code_hash, expires_at, failed_attempts, updated_at)"
                        + " VALUES (?, ?, ?, 0, ?) ON DUPLICATE KEY UPDATE code_hash = ?, expires_at = ?,"
                        + " failed_attempts = 0, updated_at = ?")
                .params(
                        phoneHash,
                        codeHash,
                        Timestamp.from(expiresAt),
                        Timestamp.from(now),
                        codeHash,
                        Timestamp.from(expiresAt),
                        Timestamp.from(now))
                .update();
    }

    /** Records a wrong guess; a lock also burns the code. */
    void saveFailure(String phoneHash, int failedAttempts, @Nullable Instant lockedUntil, Instant now) {
        Timestamp locked = lockedUntil == null ? null : Timestamp.from(lockedUntil);
        jdbc.sql("INSERT INTO otp_challenge (phone_hash, failed_attempts, locked_until, updated_at)"
                        + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE failed_attempts = ?, locked_until = ?,"
                        + " code_hash = CASE WHEN ? IS NULL THEN code_hash END, updated_at = ?")
                .params(phoneHash, failedAttempts)
                .param(locked) // NULL when the guess does not lock; params(Object...) takes no nulls
                .params(Timestamp.from(now), failedAttempts)
                .param(locked)
                .param(locked)
                .param(Timestamp.from(now))
                .update();
    }

    /** A successful login uses the code up and forgets past failures. */
    void delete(String phoneHash) {
        jdbc.sql("DELETE FROM otp_challenge WHERE phone_hash = ?")
                .param(phoneHash)
                .update();
    }

    private Optional<Challenge> select(String phoneHash, String suffix) {
        return jdbc.sql("SELECT code_hash, expires_at, failed_attempts, locked_until FROM otp_challenge"
                        + " WHERE phone_hash = ?" + suffix)
                .param(phoneHash)
                .query((rs, n) -> new Challenge(
                        rs.getString(1), instant(rs.getTimestamp(2)), rs.getInt(3), instant(rs.getTimestamp(4))))
                .optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
