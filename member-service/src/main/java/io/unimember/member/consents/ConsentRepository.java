package io.unimember.member.consents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConsentRepository {

    private final JdbcClient jdbc;

    ConsentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grants unless granted already; a repeated grant keeps the first time. */
    void grant(String memberId, String merchantId, Instant now) {
        jdbc.sql("INSERT INTO member_consent (member_id, merchant_id, granted_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE granted_at = granted_at")
                .params(memberId, merchantId, Timestamp.from(now))
                .update();
    }

    Optional<Instant> grantedAt(String memberId, String merchantId) {
        return jdbc.sql("SELECT granted_at FROM member_consent WHERE member_id = ? AND merchant_id = ?")
                .params(memberId, merchantId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** Every merchant the member lets read their data. */
    List<String> merchantsOf(String memberId) {
        return jdbc.sql("SELECT merchant_id FROM member_consent WHERE member_id = ? ORDER BY merchant_id")
                .param(memberId)
                .query((rs, n) -> rs.getString(1)) // merchant_id is NOT NULL
                .list();
    }

    List<Consents.Consent> of(String memberId) {
        return jdbc.sql("SELECT merchant_id, granted_at FROM member_consent WHERE member_id = ? ORDER BY merchant_id")
                .param(memberId)
                .query((rs, n) ->
                        new Consents.Consent(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    int revokeAll(String memberId) {
        return jdbc.sql("DELETE FROM member_consent WHERE member_id = ?")
                .param(memberId)
                .update();
    }

    boolean revoke(String memberId, String merchantId) {
        return jdbc.sql("DELETE FROM member_consent WHERE member_id = ? AND merchant_id = ?")
                        .params(memberId, merchantId)
                        .update()
                == 1;
    }
}
