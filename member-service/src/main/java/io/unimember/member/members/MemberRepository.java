package io.unimember.member.members;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> findIdByPhoneHash(String phoneHash) {
        return jdbc.sql("SELECT member_id FROM member WHERE phone_hash = ?")
                .param(phoneHash)
                .query(String.class)
                .optional();
    }

    /** A locking read sees a row another transaction committed after ours began, unlike a plain read. */
    Optional<String> findIdByPhoneHashLatest(String phoneHash) {
        return jdbc.sql("SELECT member_id FROM member WHERE phone_hash = ? LOCK IN SHARE MODE")
                .param(phoneHash)
                .query(String.class)
                .optional();
    }

    void insert(String memberId, String phoneHash, String phoneMasked, String phoneEncrypted, Instant now) {
        jdbc.sql("INSERT INTO member (member_id, phone_hash, phone_masked, phone_enc, registered_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(memberId, phoneHash, phoneMasked, phoneEncrypted, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    Optional<MemberProfile> find(String memberId) {
        return jdbc.sql(
                        "SELECT member_id, phone_masked, nickname, birthday, registered_at FROM member WHERE member_id = ?"
                                + " AND deleted_at IS NULL")
                .param(memberId)
                .query(MemberRepository::map)
                .optional();
    }

    /**
     * Erases the member's personal data: phone (hash, masked copy, ciphertext), nickname, birthday. Returns whether a
     * live member was erased.
     */
    boolean erase(String memberId, String erasedPhoneHash, Instant now) {
        return jdbc.sql("UPDATE member SET phone_hash = ?, phone_masked = '-', phone_enc = '', nickname = NULL,"
                                + " birthday = NULL, deleted_at = ?, updated_at = ? WHERE member_id = ?"
                                + " AND deleted_at IS NULL")
                        .params(erasedPhoneHash, Timestamp.from(now), Timestamp.from(now), memberId)
                        .update()
                == 1;
    }

    /** Changes what is given; a null leaves the field as it is. Returns whether the member exists. */
    boolean update(String memberId, @Nullable String nickname, @Nullable LocalDate birthday, Instant now) {
        return jdbc.sql("UPDATE member SET nickname = COALESCE(?, nickname), birthday = COALESCE(?, birthday),"
                                + " updated_at = ? WHERE member_id = ? AND deleted_at IS NULL")
                        .param(nickname) // null keeps the field; params(Object...) takes no nulls
                        .param(birthday == null ? null : Date.valueOf(birthday))
                        .params(Timestamp.from(now), memberId)
                        .update()
                == 1;
    }

    private static MemberProfile map(ResultSet rs, int row) throws SQLException {
        Date birthday = rs.getDate("birthday");
        return new MemberProfile(
                rs.getString("member_id"),
                rs.getString("phone_masked"),
                rs.getString("nickname"),
                birthday == null ? null : birthday.toLocalDate(),
                rs.getTimestamp("registered_at").toInstant());
    }
}
