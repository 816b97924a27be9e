package io.unimember.coupon.campaigns;

import static io.unimember.coupon.support.Times.instant;
import static io.unimember.coupon.support.Times.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The campaign table and its audit trail: every change is a new version with who made it, before and after. */
@Repository
class CampaignStore {

    private static final TypeReference<List<Action>> ACTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CampaignStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record AuditEntry(
            long version, String change, String actor, Instant at, @Nullable JsonNode before, JsonNode after) {}

    Optional<Campaign> find(String id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The campaign with its row locked until the transaction ends, so changes to it queue. */
    Optional<Campaign> lock(String id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = ? FOR UPDATE")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Newest first, after the cursor; a BU sees only what it funds (null = all). */
    List<Campaign> list(@Nullable String fundingBu, @Nullable CampaignStatus status, int limit) {
        return jdbc.sql(
                        """
                SELECT * FROM campaign
                 WHERE (:bu IS NULL OR funding_bu = :bu) AND (:status IS NULL OR status = :status)
                 ORDER BY created_at DESC, id LIMIT :limit""")
                .param("bu", fundingBu)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** Every ACTIVE campaign (a handful: the evaluation keeps them in memory). */
    List<Campaign> active() {
        return jdbc.sql("SELECT * FROM campaign WHERE status = 'ACTIVE'")
                .query(this::map)
                .list();
    }

    /** The newest change to any campaign, which tells a cache of them whether it is current. */
    String fingerprint() {
        return jdbc.sql("SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(updated_at), ''), '/', COALESCE(SUM(version), 0))"
                        + " FROM campaign")
                .query(String.class)
                .single();
    }

    void insert(Campaign c, String actor) {
        jdbc.sql(
                        """
                INSERT INTO campaign (id, name, funding_bu, status, trigger_type, trigger_json, actions_json,
                    audience_json, holdout_percent, starts_at, ends_at, per_member_cap, version, created_by,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                // one param each: some are NULL, and JdbcClient's params(Object...) does not declare null values
                .param(c.id())
                .param(c.name())
                .param(c.fundingBu())
                .param(c.status().name())
                .param(c.trigger().type().name())
                .param(json.writeValueAsString(c.trigger()))
                .param(json.writeValueAsString(c.actions()))
                .param(c.audience() == null ? null : json.writeValueAsString(c.audience()))
                .param(c.split() == null ? null : c.split().holdoutPercent())
                .param(ts(c.startsAt()))
                .param(ts(c.endsAt()))
                .param(c.perMemberCap())
                .param(c.version())
                .param(c.createdBy())
                .param(ts(c.createdAt()))
                .param(ts(c.updatedAt()))
                .update();
        audit(c, "CREATED", actor, null);
    }

    /** Writes the campaign's new version (the caller holds its lock) and audits the change. */
    void update(Campaign before, Campaign after, String change, String actor) {
        jdbc.sql(
                        """
                UPDATE campaign SET name = ?, funding_bu = ?, status = ?, trigger_type = ?, trigger_json = ?,
                    actions_json = ?, audience_json = ?, holdout_percent = ?, starts_at = ?, ends_at = ?,
                    per_member_cap = ?, version = ?, updated_at = ?
                 WHERE id = ? AND version = ?""")
                // one param each: some are NULL, and JdbcClient's params(Object...) does not declare null values
                .param(after.name())
                .param(after.fundingBu())
                .param(after.status().name())
                .param(after.trigger().type().name())
                .param(json.writeValueAsString(after.trigger()))
                .param(json.writeValueAsString(after.actions()))
                .param(after.audience() == null ? null : json.writeValueAsString(after.audience()))
                .param(after.split() == null ? null : after.split().holdoutPercent())
                .param(ts(after.startsAt()))
                .param(ts(after.endsAt()))
                .param(after.perMemberCap())
                .param(after.version())
                .param(ts(after.updatedAt()))
                .param(after.id())
                .param(before.version())
                .update();
        audit(after, change, actor, before);
    }

    List<AuditEntry> auditOf(String id) {
        return jdbc.sql(
                        """
                SELECT version, change_kind, actor, changed_at, before_json, after_json
                  FROM campaign_audit WHERE campaign_id = ? ORDER BY version""")
                .param(id)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs, "changed_at"),
                        rs.getString(5) == null ? null : json.readTree(rs.getString(5)),
                        json.readTree(rs.getString(6))))
                .list();
    }

    private void audit(Campaign after, String change, String actor, @Nullable Campaign before) {
        jdbc.sql(
                        """
                INSERT INTO campaign_audit (campaign_id, version, change_kind, actor, changed_at, before_json,
                    after_json) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                // one param each: some are NULL, and JdbcClient's params(Object...) does not declare null values
                .param(after.id())
                .param(after.version())
                .param(change)
                .param(actor)
                .param(ts(after.updatedAt()))
                .param(before == null ? null : json.writeValueAsString(CampaignView.of(before)))
                .param(json.writeValueAsString(CampaignView.of(after)))
                .update();
    }

    private Campaign map(ResultSet rs, int row) throws SQLException {
        String audience = rs.getString("audience_json");
        Integer holdout = rs.getObject("holdout_percent", Integer.class);
        return new Campaign(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("funding_bu"),
                CampaignStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("trigger_json"), Trigger.class),
                json.readValue(rs.getString("actions_json"), ACTIONS),
                audience == null ? null : json.readValue(audience, Audience.class),
                holdout == null ? null : new Split(holdout),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getInt("per_member_cap"),
                rs.getLong("version"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
