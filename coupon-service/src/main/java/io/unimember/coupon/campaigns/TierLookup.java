package io.unimember.coupon.campaigns;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The members' tiers as the allotment projects them from tier.changed, for audiences that name tiers. */
@Component
class TierLookup {

    private final JdbcClient jdbc;

    TierLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each member's tier; a member without a tier event yet is absent. One statement for the lot. */
    Map<String, String> tiersOf(Collection<String> memberIds) {
        Map<String, String> tiers = new HashMap<>();
        if (memberIds.isEmpty()) {
            return tiers;
        }
        jdbc.sql("SELECT member_id, tier FROM member_tier WHERE member_id IN (:members)")
                .param("members", List.copyOf(new HashSet<>(memberIds)))
                .query(rs -> {
                    tiers.put(rs.getString(1), rs.getString(2));
                });
        return tiers;
    }
}
