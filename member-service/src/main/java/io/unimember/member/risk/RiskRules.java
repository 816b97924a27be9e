package io.unimember.member.risk;

import io.unimember.common.admin.Actor;
import io.unimember.common.risk.RiskPolicies;
import io.unimember.common.risk.RiskPolicy;
import io.unimember.common.risk.RiskRule;
import io.unimember.common.transactions.AfterCommit;
import io.unimember.common.web.ApiException;
import io.unimember.member.admin.AuditLog;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules and thresholds operators write, audited, and their publication: after each change commits, at start-up
 * and every minute (so a Redis that lost the key gets it back), the whole policy goes to Redis for every service.
 */
@Service
class RiskRules {

    private static final Logger log = LoggerFactory.getLogger(RiskRules.class);

    private final RiskPolicyStore store;
    private final RiskPolicies policies;
    private final AuditLog audit;
    private final Clock clock;

    RiskRules(RiskPolicyStore store, RiskPolicies policies, AuditLog audit, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    RiskPolicy policy() {
        return store.load();
    }

    @Transactional
    RiskRule create(Actor actor, RiskRule rule) {
        try {
            store.insert(rule, clock.instant());
        } catch (DuplicateKeyException taken) {
            throw ApiException.conflict("RISK_RULE_EXISTS", "a rule with id " + rule.id() + " exists");
        }
        audit.record(actor, "RISK_RULE_CREATED", rule.id(), null, rule);
        AfterCommit.run(this::publish);
        return rule;
    }

    @Transactional
    RiskRule update(Actor actor, RiskRule rule) {
        RiskRule before = store.find(rule.id())
                .orElseThrow(() -> ApiException.notFound("RISK_RULE_NOT_FOUND", "no rule " + rule.id()));
        store.update(rule, clock.instant());
        audit.record(actor, "RISK_RULE_UPDATED", rule.id(), before, rule);
        AfterCommit.run(this::publish);
        return rule;
    }

    @Transactional
    RiskPolicy thresholds(Actor actor, int reviewAt, int denyAt) {
        RiskPolicy before = store.load();
        store.thresholds(reviewAt, denyAt, clock.instant());
        RiskPolicy after = store.load();
        audit.record(
                actor,
                "RISK_THRESHOLDS_UPDATED",
                "risk-policy",
                Map.of("reviewAt", before.reviewAt(), "denyAt", before.denyAt()),
                Map.of("reviewAt", reviewAt, "denyAt", denyAt));
        AfterCommit.run(this::publish);
        return after;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${unimember.risk.republish-every:PT1M}", initialDelayString = "PT1M")
    void publish() {
        try {
            policies.publish(store.load());
        } catch (RuntimeException e) {
            log.warn("risk policy not published, services keep the copy they have: {}", e.toString());
        }
    }
}
