package io.unimember.tier.tiers;

import io.unimember.common.transactions.PerTransaction;
import org.springframework.stereotype.Service;

/** The tier rules as they stand now; read fresh each time so an admin change applies without a restart. */
@Service
public class TierRules {

    private final TierRuleRepository rules;

    TierRules(TierRuleRepository rules) {
        this.rules = rules;
    }

    /** The rules in force, read once per transaction (a batch of events is evaluated against one table). */
    public TierTable current() {
        return PerTransaction.get(TierRules.class, () -> new TierTable(rules.findAll()));
    }
}
