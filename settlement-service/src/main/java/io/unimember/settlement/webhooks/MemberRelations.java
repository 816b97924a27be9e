package io.unimember.settlement.webhooks;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which BUs a member belongs to (told of the member's tier changes) and which BU sold each of the member's plans
 * (told of its membership events), learnt from the events themselves.
 */
@Repository
class MemberRelations {

    record Relation(String memberId, String bu) {}

    record Seller(String memberId, String planCode, String bu) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MemberRelations(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void remember(Collection<Relation> relations, Collection<Seller> sellers) {
        if (!relations.isEmpty()) {
            template.batchUpdate(
                    "INSERT IGNORE INTO webhook_member_bu (member_id, bu) VALUES (?, ?)",
                    List.copyOf(relations),
                    500,
                    (ps, r) -> {
                        ps.setString(1, r.memberId());
                        ps.setString(2, r.bu());
                    });
        }
        if (!sellers.isEmpty()) {
            template.batchUpdate(
                    "INSERT IGNORE INTO webhook_plan_seller (member_id, plan_code, bu) VALUES (?, ?, ?)",
                    List.copyOf(sellers),
                    500,
                    (ps, s) -> {
                        ps.setString(1, s.memberId());
                        ps.setString(2, s.planCode());
                        ps.setString(3, s.bu());
                    });
        }
    }

    /** Each member's BUs, for the members of a batch. */
    Map<String, Set<String>> busOf(Collection<String> memberIds) {
        Map<String, Set<String>> bus = new HashMap<>();
        if (memberIds.isEmpty()) {
            return bus;
        }
        jdbc.sql("SELECT member_id, bu FROM webhook_member_bu WHERE member_id IN (:members)")
                .param("members", memberIds)
                .query((rs, row) -> new Relation(rs.getString("member_id"), rs.getString("bu")))
                .list()
                .forEach(r ->
                        bus.computeIfAbsent(r.memberId(), m -> new HashSet<>()).add(r.bu()));
        return bus;
    }

    /** The seller of each (member, plan) of a batch, keyed {@code member + "/" + plan}. */
    Map<String, String> sellersOf(Collection<String> memberIds) {
        Map<String, String> sellers = new HashMap<>();
        if (memberIds.isEmpty()) {
            return sellers;
        }
        jdbc.sql("SELECT member_id, plan_code, bu FROM webhook_plan_seller WHERE member_id IN (:members)")
                .param("members", memberIds)
                .query((rs, row) ->
                        new Seller(rs.getString("member_id"), rs.getString("plan_code"), rs.getString("bu")))
                .list()
                .forEach(s -> sellers.put(s.memberId() + "/" + s.planCode(), s.bu()));
        return sellers;
    }
}
