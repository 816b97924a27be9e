package io.unimember.coupon.templates;

import static io.unimember.coupon.support.Times.instant;
import static io.unimember.coupon.support.Times.instantOrNull;
import static io.unimember.coupon.support.Times.ts;

import io.unimember.coupon.terms.Kind;
import io.unimember.coupon.terms.Terms;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The template table. Stock and budget move only through {@link #takeOne}: one guarded UPDATE that succeeds only if
 * a coupon is left, its face value still fits the budget and the window is open. The row lock it takes serialises
 * the issuers of one template until their transaction ends, so the guard holds under any concurrency.
 */
@Repository
public class Templates {

    private final JdbcClient jdbc;

    Templates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Template> find(String id) {
        return jdbc.sql("SELECT * FROM coupon_template WHERE id = ?")
                .param(id)
                .query(Templates::map)
                .optional();
    }

    /** Takes one coupon's stock and face value from the template; false if none is left or it would overspend. */
    public boolean takeOne(String id, Instant now) {
        return jdbc.sql(
                                """
                UPDATE coupon_template
                   SET issued = issued + 1, budget_used_fen = budget_used_fen + face_value_fen
                 WHERE id = ?
                   AND issued < total_quantity
                   AND budget_used_fen + face_value_fen <= budget_fen
                   AND (valid_to IS NULL OR valid_to > ?)
                """)
                        .params(id, ts(now))
                        .update()
                == 1;
    }

    void insert(Template t) {
        Terms terms = t.terms();
        jdbc.sql(
                        """
                INSERT INTO coupon_template (id, name, kind, discount_fen, percent_off, max_discount_fen,
                    min_spend_fen, scenes, funding_bu, valid_days, valid_from, valid_to, total_quantity,
                    per_member_limit, budget_fen, face_value_fen, issued, budget_used_fen, claimable,
                    created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)
                """)
                .params(
                        t.id(),
                        t.name(),
                        terms.kind().name(),
                        terms.discountFen(),
                        terms.percentOff(),
                        terms.maxDiscountFen(),
                        terms.minSpendFen(),
                        terms.scenesColumn(),
                        t.fundingBu(),
                        t.validDays(),
                        ts(t.validFrom()),
                        ts(t.validTo()),
                        t.totalQuantity(),
                        t.perMemberLimit(),
                        t.budgetFen(),
                        terms.faceValueFen(),
                        t.claimable(),
                        t.createdBy(),
                        ts(t.createdAt()))
                .update();
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
                rs.getString("created_by"),
                instant(rs, "created_at"));
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
