package io.unimember.settlement.notifications;

import io.unimember.settlement.SqlTimes;
import io.unimember.settlement.notifications.Message.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_message} rows: each member's inbox, newest first. */
@Repository
class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the message unless the member already has this notice ({@code kind, ref}) or a message of this kind on
     * {@code day}; true if it was added.
     */
    boolean add(Message m, LocalDate day) {
        return jdbc.sql(
                                """
                        INSERT IGNORE INTO notification_message (message_id, member_id, kind, ref, local_day, title, body,
                                                                 created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                        .params(
                                m.messageId(),
                                m.memberId(),
                                m.kind().name(),
                                m.ref(),
                                day.toString(),
                                m.title(),
                                m.body(),
                                SqlTimes.utc(m.createdAt()))
                        .update()
                == 1;
    }

    /** The member's messages before {@code beforeSeq}, newest first, with the seq of each for the cursor. */
    List<Row> page(String memberId, long beforeSeq, int limit) {
        return jdbc.sql(
                        """
                        SELECT seq, message_id, member_id, kind, ref, title, body, created_at, read_at
                        FROM notification_message WHERE member_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?
                        """)
                .params(memberId, beforeSeq, limit)
                .query(Inbox::map)
                .list();
    }

    Optional<Message> find(String memberId, String messageId) {
        return jdbc.sql(
                        """
                        SELECT seq, message_id, member_id, kind, ref, title, body, created_at, read_at
                        FROM notification_message WHERE member_id = ? AND message_id = ?
                        """)
                .params(memberId, messageId)
                .query(Inbox::map)
                .optional()
                .map(Row::message);
    }

    void markRead(String memberId, String messageId, Instant at) {
        jdbc.sql(
                        "UPDATE notification_message SET read_at = ? WHERE member_id = ? AND message_id = ? AND read_at IS NULL")
                .params(SqlTimes.utc(at), memberId, messageId)
                .update();
    }

    record Row(long seq, Message message) {}

    private static Row map(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Row(
                rs.getLong("seq"),
                new Message(
                        rs.getString("message_id"),
                        rs.getString("member_id"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("ref"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant(),
                        read == null ? null : read.toInstant()));
    }
}
