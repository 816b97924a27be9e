package io.unimember.coupon.rewards;

import io.unimember.common.events.OrderCompleted;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.issuing.IssueOutcome;
import io.unimember.coupon.issuing.Issuer;
import io.unimember.coupon.support.Times;
import io.unimember.coupon.templates.Templates;
import java.time.Clock;
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
        for (RewardRules.Rule rule : rules.activeFirstOrderRules(order.bu())) {
            if (!rules.claim(rule.id(), order.memberId(), order.orderId(), Times.now(clock))) {
                continue;
            }
            var template = templates.find(rule.templateId());
            if (template.isEmpty()) {
                log.warn("reward rule {} names a missing template {}", rule.id(), rule.templateId());
                rules.record(rule.id(), order.memberId(), "TEMPLATE_NOT_FOUND", null);
                continue;
            }
            switch (issuer.issue(
                    template.get(), order.memberId(), Channel.REWARD, "reward:" + rule.id() + ":" + order.memberId())) {
                case IssueOutcome.Issued issued ->
                    rules.record(
                            rule.id(),
                            order.memberId(),
                            "ISSUED",
                            issued.coupon().id());
                case IssueOutcome.Refused refused -> {
                    log.warn("reward rule {} could not reward {}: {}", rule.id(), order.memberId(), refused.reason());
                    rules.record(rule.id(), order.memberId(), refused.reason().name(), null);
                }
            }
        }
    }
}
