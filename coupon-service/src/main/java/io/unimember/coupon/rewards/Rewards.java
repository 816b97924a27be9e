package io.unimember.coupon.rewards;

import io.unimember.common.events.OrderCompleted;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.issuing.IssueOutcome;
import io.unimember.coupon.issuing.Issuer;
import io.unimember.coupon.support.Times;
import io.unimember.coupon.templates.Templates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the reward rules to a completed order, inside the inbox transaction of its event. A rule's grant is
 * claimed by its (rule, member) key before anything is issued, so a member gets each reward once however the order
 * events arrive. A rule whose template is exhausted records the refusal instead of failing the event forever.
 */
@Service
class Rewards {

    private static final Logger log = LoggerFactory.getLogger(Rewards.class);

    private final RewardRules rules;
    private final Templates templates;
    private final Issuer issuer;
    private final Clock clock;

    Rewards(RewardRules rules, Templates templates, Issuer issuer, Clock clock) {
        this.rules = rules;
        this.templates = templates;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onOrderCompleted(OrderCompleted order) {
        onOrdersCompleted(List.of(order));
    }

    /**
     * A batch of completed orders, set-based: the grants claimed together (the ones made before are skipped), the
     * coupons of each rule issued together, and what each grant came to recorded in one statement. A member's first order in the batch is the one a
     * rule rewards, as it would be one by one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onOrdersCompleted(List<OrderCompleted> orders) {
        Map<List<String>, RewardRules.Grant> due = new LinkedHashMap<>();
        Map<String, RewardRules.Rule> byId = new HashMap<>();
        for (OrderCompleted order : orders) {
            for (RewardRules.Rule rule : rules.activeFirstOrderRules(order.bu())) {
                byId.put(rule.id(), rule);
                due.putIfAbsent(
                        List.of(rule.id(), order.memberId()),
                        new RewardRules.Grant(rule.id(), order.memberId(), order.orderId(), "PENDING", null));
            }
        }
        if (due.isEmpty()) {
            return;
        }
        due.keySet().retainAll(rules.claimAll(List.copyOf(due.values()), Times.now(clock)));
        if (due.isEmpty()) {
            return;
        }
        Map<String, List<RewardRules.Grant>> byRule = new LinkedHashMap<>();
        due.values().forEach(g -> byRule.computeIfAbsent(g.ruleId(), r -> new ArrayList<>())
                .add(g));
        List<RewardRules.Grant> made = new ArrayList<>(due.size());
        byRule.forEach((ruleId, grants) -> made.addAll(grant(byId.get(ruleId), grants)));
        rules.recordAll(made, Times.now(clock));
    }

    /** Issues the rule's coupon for each of its grants; what each grant came to. */
    private List<RewardRules.Grant> grant(RewardRules.Rule rule, List<RewardRules.Grant> grants) {
        var template = templates.findForIssuing(rule.templateId());
        if (template.isEmpty()) {
            log.warn("reward rule {} names a missing template {}", rule.id(), rule.templateId());
            return grants.stream()
                    .map(g -> outcome(g, "TEMPLATE_NOT_FOUND", null))
                    .toList();
        }
        List<IssueOutcome> outcomes = issuer.issueAll(
                template.get(),
                Channel.REWARD,
                grants.stream()
                        .map(g -> new Issuer.Request(g.memberId(), "reward:" + rule.id() + ":" + g.memberId()))
                        .toList());
        List<RewardRules.Grant> made = new ArrayList<>(grants.size());
        for (int i = 0; i < grants.size(); i++) {
            RewardRules.Grant grant = grants.get(i);
            made.add(
                    switch (outcomes.get(i)) {
                        case IssueOutcome.Issued issued ->
                            outcome(grant, "ISSUED", issued.coupon().id());
                        case IssueOutcome.Refused refused -> {
                            log.warn(
                                    "reward rule {} could not reward {}: {}",
                                    rule.id(),
                                    grant.memberId(),
                                    refused.reason());
                            yield outcome(grant, refused.reason().name(), null);
                        }
                    });
        }
        return made;
    }

    private static RewardRules.Grant outcome(RewardRules.Grant grant, String outcome, @Nullable String couponId) {
        return new RewardRules.Grant(grant.ruleId(), grant.memberId(), grant.orderId(), outcome, couponId);
    }
}
