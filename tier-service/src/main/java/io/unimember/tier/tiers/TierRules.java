package io.unimember.tier.tiers;

import org.springframework.stereotype.Service;

/** The tier rules as they stand now; read fresh each time so an admin change applies without a restart. */
@Service
public class TierRules {

    private final TierRuleRepository rules;

    TierRules(TierRuleRepository rules) {
        this.rules = rules;
    }

    public TierTable current() {
        return new TierTable(rules.findAll());
    }
}
