package io.unimember.member.operators;

import io.unimember.common.admin.Role;
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
class OperatorRepository {

    private static final String COLUMNS = "operator_id, username, role, bu, created_at, disabled_at, password_hash,"
            + " totp_secret_enc, last_totp_step, failed_attempts, locked_until";

    private final JdbcClient jdbc;

    OperatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An operator with what signing in checks. */
    record Credentials(
            Operator operator,
            String passwordHash,
            String totpSecretEncrypted,
            long lastTotpStep,
            int failedAttempts,
            @Nullable Instant lockedUntil) {}

    void insert(Operator operator, String passwordHash, String totpSecretEncrypted) {
        jdbc.sql("INSERT INTO operator (operator_id, username, role, bu, created_at, password_hash, totp_secret_enc,"
                        + " last_totp_step, failed_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)")
                .params(
                        operator.operatorId(),
                        operator.username(),
                        operator.role().name())
                .param(operator.bu()) // only a BU admin has one; params(Object...) takes no nulls
                .params(Timestamp.from(operator.createdAt()), passwordHash, totpSecretEncrypted)
                .update();
    }

    Optional<Credentials> lockByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operator WHERE username = ? FOR UPDATE")
                .param(username)
                .query(OperatorRepository::credentials)
                .optional();
    }

    Optional<Operator> find(String operatorId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operator WHERE operator_id = ?")
                .param(operatorId)
                .query((rs, n) -> operator(rs))
                .optional();
    }

    List<Operator> list(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operator ORDER BY created_at LIMIT ?")
                .param(limit)
                .query((rs, n) -> operator(rs))
                .list();
    }

    boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM operator").query(Long.class).single() > 0;
    }

    void signedIn(String operatorId, long totpStep) {
        jdbc.sql(
                        "UPDATE operator SET last_totp_step = ?, failed_attempts = 0, locked_until = NULL WHERE operator_id = ?")
                .params(totpStep, operatorId)
                .update();
    }

    void failed(String operatorId, int failedAttempts, @Nullable Instant lockedUntil) {
        jdbc.sql("UPDATE operator SET failed_attempts = ?, locked_until = ? WHERE operator_id = ?")
                .param(failedAttempts)
                // NULL when not locked; params(Object...) takes no nulls
                .param(lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .param(operatorId)
                .update();
    }

    void disable(String operatorId, Instant now) {
        jdbc.sql("UPDATE operator SET disabled_at = ? WHERE operator_id = ? AND disabled_at IS NULL")
                .params(Timestamp.from(now), operatorId)
                .update();
    }

    private static Credentials credentials(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Credentials(
                operator(rs),
                rs.getString("password_hash"),
                rs.getString("totp_secret_enc"),
                rs.getLong("last_totp_step"),
                rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant());
    }

    private static Operator operator(ResultSet rs) throws SQLException {
        Timestamp disabled = rs.getTimestamp("disabled_at");
        return new Operator(
                rs.getString("operator_id"),
                rs.getString("username"),
                Role.valueOf(rs.getString("role")),
                rs.getString("bu"),
                rs.getTimestamp("created_at").toInstant(),
                disabled == null ? null : disabled.toInstant());
    }
}
