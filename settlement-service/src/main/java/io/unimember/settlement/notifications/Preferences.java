package io.unimember.settlement.notifications;

import io.unimember.settlement.SqlTimes;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each member's channels ({@code notification_preference}); without a row: SMS off, push on. The inbox is always on. */
@Repository
class Preferences {

    /** A member's choice of channels besides the inbox. */
    record Choice(boolean sms, boolean push) {
        static final Choice DEFAULT = new Choice(false, true);
    }

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Choice of(String memberId) {
        return jdbc.sql("SELECT sms, push FROM notification_preference WHERE member_id = ?")
                .param(memberId)
                .query((rs, row) -> new Choice(rs.getBoolean("sms"), rs.getBoolean("push")))
                .optional()
                .orElse(Choice.DEFAULT);
    }

    void set(String memberId, Choice choice, Instant now) {
        int updated = jdbc.sql(
                        "UPDATE notification_preference SET sms = ?, push = ?, updated_at = ? WHERE member_id = ?")
                .params(choice.sms(), choice.push(), SqlTimes.utc(now), memberId)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            """
                            INSERT IGNORE INTO notification_preference (member_id, sms, push, updated_at)
                            VALUES (?, ?, ?, ?)
                            """)
                    .params(memberId, choice.sms(), choice.push(), SqlTimes.utc(now))
                    .update();
        }
    }
}
