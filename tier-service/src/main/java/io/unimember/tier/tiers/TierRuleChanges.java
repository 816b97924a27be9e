package io.unimember.tier.tiers;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAudit;
import io.unimember.common.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes one tier's rule: validated against its neighbours, stored with a new rules revision, audited. Members learn
 * of it through {@code RulesPropagationJob}, which re-evaluates everyone evaluated against an older revision.
 */
@Service
class TierRuleChanges {

    /** What the audit stores of a rule, before and after. */
    record Snapshot(
            String code, String name, int rank, long growthThreshold, String pointsMultiplier, int monthlyCoupons) {}

    private final TierRuleRepository rules;
    private final TierRuleAudit audit;
    private final JsonMapper mapper;
    private final Clock clock;
    /** The platform's one audit log, beside this feature's own tier-rule history. */
    private final AdminAudit adminAudit;

    TierRuleChanges(
            TierRuleRepository rules, TierRuleAudit audit, JsonMapper mapper, Clock clock, AdminAudit adminAudit) {
        this.adminAudit = adminAudit;
        this.rules = rules;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    Tier change(String code, TierUpdate update, Actor actor) {
        String by = actor.id();
        List<Tier> all = rules.lockAll();
        Tier before = all.stream()
                .filter(t -> t.code().equals(code))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("TIER_NOT_FOUND", "there is no tier " + code));
        Tier after = new Tier(
                code,
                update.name().strip(),
                before.rank(),
                update.growthThreshold(),
                new BigDecimal(update.pointsMultiplier()),
                update.monthlyCoupons(),
                new TierTable(all).revision() + 1);
        if (sameRule(before, after)) {
            return before;
        }
        TierTable table = new TierTable(
                all.stream().map(t -> t.code().equals(code) ? after : t).toList());
        List<Map<String, String>> errors = TierRuleValidation.check(table, code);
        if (!errors.isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "TIER_THRESHOLDS_NOT_INCREASING",
                    "tier thresholds must strictly increase with rank, starting at 0",
                    Map.of("errors", errors));
        }
        Instant now = clock.instant();
        rules.update(after, by, now);
        audit.record(code, after.revision(), by, now, json(before), json(after));
        adminAudit.record(actor, "TIER_RULE_CHANGED", "tier:" + code, before, after);
        return after;
    }

    private static boolean sameRule(Tier a, Tier b) {
        return a.name().equals(b.name())
                && a.growthThreshold() == b.growthThreshold()
                && a.pointsMultiplier().compareTo(b.pointsMultiplier()) == 0
                && a.monthlyCoupons() == b.monthlyCoupons();
    }

    private String json(Tier tier) {
        return mapper.writeValueAsString(new Snapshot(
                tier.code(),
                tier.name(),
                tier.rank(),
                tier.growthThreshold(),
                tier.multiplierText(),
                tier.monthlyCoupons()));
    }
}
