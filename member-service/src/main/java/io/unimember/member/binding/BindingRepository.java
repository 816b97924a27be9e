package io.unimember.member.binding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BindingRepository {

    private final JdbcClient jdbc;

    BindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Binds unless the account is bound already; then returns the member it is bound to (locking read). */
    Optional<String> bindOrFindExisting(String bu, String externalAccountId, String memberId, Instant now) {
        int inserted = jdbc.sql("INSERT IGNORE INTO bu_account (bu, external_account_id, member_id, bound_at)"
                        + " VALUES (?, ?, ?, ?)")
                .params(bu, externalAccountId, memberId, Timestamp.from(now))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT member_id FROM bu_account WHERE bu = ? AND external_account_id = ? LOCK IN SHARE MODE")
                .params(bu, externalAccountId)
                .query(String.class)
                .optional();
    }

    List<Bindings.Binding> of(String memberId) {
        return jdbc.sql("SELECT bu, external_account_id, bound_at FROM bu_account WHERE member_id = ? ORDER BY bu")
                .param(memberId)
                .query((rs, n) -> new Bindings.Binding(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    int unbindAll(String memberId) {
        return jdbc.sql("DELETE FROM bu_account WHERE member_id = ?")
                .param(memberId)
                .update();
    }
}
