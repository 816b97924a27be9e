package io.unimember.tier.paidmembership;

import io.unimember.common.web.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code membership_plan} table. A plan's price fixes what a purchase costs when it is made; changing a plan
 * changes later purchases only.
 */
@Repository
class Plans {

    /** The parts of a plan kept as its JSON definition. */
    private record Definition(
            List<Plan.Discount> discounts, List<Plan.Benefit> benefits, List<Plan.Split> revenueSplit) {}

    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    Plans(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    List<Plan> all() {
        return jdbc.sql(
                        "SELECT code, name, period, price_fen, definition FROM membership_plan ORDER BY price_fen, code")
                .query(this::row)
                .list();
    }

    Optional<Plan> find(String code) {
        return jdbc.sql("SELECT code, name, period, price_fen, definition FROM membership_plan WHERE code = ?")
                .param(code)
                .query(this::row)
                .optional();
    }

    void create(Plan plan, Instant now) {
        try {
            jdbc.sql(
                            """
                            INSERT INTO membership_plan (code, name, period, price_fen, definition, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            plan.code(),
                            plan.name(),
                            plan.period().name(),
                            plan.priceFen(),
                            definition(plan),
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("PLAN_EXISTS", "a plan with code " + plan.code() + " exists; PUT changes it");
        }
    }

    void update(Plan plan, Instant now) {
        int changed = jdbc.sql(
                        """
                        UPDATE membership_plan SET name = ?, period = ?, price_fen = ?, definition = ?, updated_at = ?
                        WHERE code = ?""")
                .params(
                        plan.name(),
                        plan.period().name(),
                        plan.priceFen(),
                        definition(plan),
                        Timestamp.from(now),
                        plan.code())
                .update();
        if (changed == 0) {
            throw ApiException.notFound("PLAN_NOT_FOUND", "no plan " + plan.code());
        }
    }

    private String definition(Plan plan) {
        return mapper.writeValueAsString(new Definition(plan.discounts(), plan.benefits(), plan.revenueSplit()));
    }

    private Plan row(ResultSet rs, int n) throws SQLException {
        Definition d = mapper.readValue(rs.getString("definition"), Definition.class);
        return new Plan(
                rs.getString("code"),
                rs.getString("name"),
                Plan.Period.valueOf(rs.getString("period")),
                rs.getLong("price_fen"),
                d.discounts(),
                d.benefits(),
                d.revenueSplit());
    }
}
