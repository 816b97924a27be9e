package io.unimember.coupon.templates;

import static io.unimember.coupon.support.Times.instant;
import static io.unimember.coupon.support.Times.instantOrNull;
import static io.unimember.coupon.support.Times.ts;

import io.unimember.coupon.terms.Kind;
import io.unimember.coupon.terms.Terms;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The template tables. Stock and budget move only through {@link #takeOne}: one guarded UPDATE on one stock shard
 * that succeeds only if the shard has a coupon left and its face value still fits the shard's budget. The row lock
 * it takes serialises that shard's issuers until their transaction ends, so each guard holds under any concurrency,
 * and since the shards' quantities and budgets add up to the template's, so do the totals.
 */
@Repository
public class Templates {

    /** Templates are immutable but for their counters, so their terms can be kept; bounded, as ids are unbounded. */
    private static final int CACHED_TEMPLATES = 10_000;

    private final JdbcClient jdbc;
    private final Map<String, Template> terms = new ConcurrentHashMap<>();

    Templates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The template for issuing, from memory after the first read. Its terms, validity and limits are exact (they
     * never change); its {@code issued} and {@code budgetUsedFen} are stale and must not be used to decide anything:
     * {@link #takeOne} decides.
     */
    public Optional<Template> findForIssuing(String id) {
        Template cached = terms.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Template> read = find(id);
        read.ifPresent(t -> {
            if (terms.size() >= CACHED_TEMPLATES) {
                terms.clear();
            }
            terms.put(id, t);
        });
        return read;
    }

    /** The template with what it has issued so far, summed over its stock shards. */
    public Optional<Template> find(String id) {
        return jdbc.sql(
                        """
                SELECT t.*,
                       (SELECT COALESCE(SUM(s.issued), 0) FROM template_stock s WHERE s.template_id = t.id) AS issued,
                       (SELECT COALESCE(SUM(s.budget_used_fen), 0) FROM template_stock s WHERE s.template_id = t.id)
                           AS budget_used_fen
                  FROM coupon_template t WHERE t.id = ?
                """)
                .param(id)
                .query(Templates::map)
                .optional();
    }

    /**
     * Takes one coupon's stock and face value from one of the template's shards, trying them all from a random
     * one; false if no shard has a coupon left within its budget. A shard another transaction holds is waited for
     * when its committed state still has stock (InnoDB re-checks the guard after that transaction ends), so an issue
     * that rolls back never makes anyone else see the template as exhausted.
     */
    public boolean takeOne(Template template) {
        int shards = template.stockShards();
        int start = ThreadLocalRandom.current().nextInt(shards);
        long face = template.terms().faceValueFen();
        for (int i = 0; i < shards; i++) {
            int shard = (start + i) % shards;
            int taken = jdbc.sql(
                            """
                    UPDATE template_stock SET issued = issued + 1, budget_used_fen = budget_used_fen + ?
                     WHERE template_id = ? AND shard = ? AND issued < quantity AND budget_used_fen + ? <= budget_fen
                    """)
                    .params(face, template.id(), shard, face)
                    .update();
            if (taken == 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes up to {@code count} coupons' stock and face value: all of them from one shard if one has them (a single
     * guarded update), else one at a time as {@link #takeOne} does until none is left. Returns how many it took.
     */
    public int take(Template template, int count) {
        if (count <= 1) {
            return count == 1 && takeOne(template) ? 1 : 0;
        }
        int shards = template.stockShards();
        int start = ThreadLocalRandom.current().nextInt(shards);
        long face = template.terms().faceValueFen() * count;
        for (int i = 0; i < shards; i++) {
            int shard = (start + i) % shards;
            int taken = jdbc.sql(
                            """
                    UPDATE template_stock SET issued = issued + ?, budget_used_fen = budget_used_fen + ?
                     WHERE template_id = ? AND shard = ? AND issued + ? <= quantity AND budget_used_fen + ? <= budget_fen
                    """)
                    .params(count, face, template.id(), shard, count, face)
                    .update();
            if (taken == 1) {
                return count;
            }
        }
        int taken = 0;
        while (taken < count && takeOne(template)) {
            taken++;
        }
        return taken;
    }

    /** Gives one coupon's stock and face value back to a shard that issued one (a coupon rejected on review). */
    public void giveBackOne(String templateId, long faceFen) {
        jdbc.sql(
                        """
                UPDATE template_stock SET issued = issued - 1, budget_used_fen = budget_used_fen - ?
                 WHERE template_id = ? AND issued > 0 AND budget_used_fen >= ? LIMIT 1
                """)
                .params(faceFen, templateId, faceFen)
                .update();
    }

    void insert(Template t, List<StockShards.Shard> shards) {
        Terms terms = t.terms();
        jdbc.sql(
                        """
                INSERT INTO coupon_template (id, name, kind, discount_fen, percent_off, max_discount_fen,
                    min_spend_fen, scenes, funding_bu, valid_days, valid_from, valid_to, total_quantity,
                    per_member_limit, budget_fen, face_value_fen, claimable, stock_shards, created_by, created_at,
                    points_price)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                // one param each: some are NULL, and JdbcClient's params(Object...) does not declare null values
                .param(t.id())
                .param(t.name())
                .param(terms.kind().name())
                .param(terms.discountFen())
                .param(terms.percentOff())
                .param(terms.maxDiscountFen())
                .param(terms.minSpendFen())
                .param(terms.scenesColumn())
                .param(t.fundingBu())
                .param(t.validDays())
                .param(ts(t.validFrom()))
                .param(ts(t.validTo()))
                .param(t.totalQuantity())
                .param(t.perMemberLimit())
                .param(t.budgetFen())
                .param(terms.faceValueFen())
                .param(t.claimable())
                .param(shards.size())
                .param(t.createdBy())
                .param(ts(t.createdAt()))
                .param(t.pointsPrice())
                .update();
        for (StockShards.Shard shard : shards) {
            jdbc.sql("INSERT INTO template_stock (template_id, shard, quantity, budget_fen) VALUES (?, ?, ?, ?)")
                    .params(t.id(), shard.index(), shard.quantity(), shard.budgetFen())
                    .update();
        }
    }

    static Template map(ResultSet rs, int row) throws SQLException {
        return new Template(
                rs.getString("id"),
                rs.getString("name"),
                terms(rs),
                rs.getString("funding_bu"),
                rs.getObject("valid_days", Integer.class),
                instantOrNull(rs, "valid_from"),
                instantOrNull(rs, "valid_to"),
                rs.getLong("total_quantity"),
                rs.getInt("per_member_limit"),
                rs.getLong("budget_fen"),
                rs.getLong("issued"),
                rs.getLong("budget_used_fen"),
                rs.getBoolean("claimable"),
                rs.getInt("stock_shards"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                rs.getObject("points_price", Long.class));
    }

    /** Reads the terms columns of a template; any query that selects them (coupons join them) can use it. */
    public static Terms terms(ResultSet rs) throws SQLException {
        return new Terms(
                Kind.valueOf(rs.getString("kind")),
                rs.getObject("discount_fen", Long.class),
                rs.getObject("percent_off", Integer.class),
                rs.getObject("max_discount_fen", Long.class),
                rs.getLong("min_spend_fen"),
                Terms.scenesFromColumn(rs.getString("scenes")));
    }
}
