package io.unimember.settlement.webhooks;

import io.unimember.settlement.SqlTimes;
import io.unimember.settlement.webhooks.WebhookViews.Notice;
import io.unimember.settlement.webhooks.WebhookViews.NoticePage;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What endpoint owners are told ({@code webhook_notice}); the BU's console or an operator relays it. */
@Repository
class Notices {

    static final String PAUSED_FAILING = "ENDPOINT_PAUSED_FAILING";

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void tell(Endpoint endpoint, String kind, String detail, Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO webhook_notice (owner_bu, owner_merchant, webhook_id, kind, detail, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        endpoint.owner().bu(),
                        endpoint.owner().merchant(),
                        endpoint.webhookId(),
                        kind,
                        detail,
                        SqlTimes.utc(now))
                .update();
    }

    NoticePage of(Owner owner, long before, int limit) {
        List<Notice> rows = jdbc.sql(
                        """
                        SELECT notice_id, webhook_id, kind, detail, created_at FROM webhook_notice
                        WHERE owner_bu = ? AND owner_merchant = ? AND notice_id < ?
                        ORDER BY notice_id DESC LIMIT ?
                        """)
                .params(owner.bu(), owner.merchant(), before, limit + 1)
                .query((rs, row) -> new Notice(
                        rs.getLong("notice_id"),
                        rs.getString("webhook_id"),
                        rs.getString("kind"),
                        rs.getString("detail"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        boolean more = rows.size() > limit;
        List<Notice> items = more ? rows.subList(0, limit) : rows;
        return new NoticePage(items, more ? String.valueOf(items.getLast().noticeId()) : null);
    }
}
