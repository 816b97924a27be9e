package io.unimember.tier.membership;

import io.unimember.common.events.TierChanged;
import io.unimember.common.events.TierGrowthChanged;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.tier.evaluation.Step;
import io.unimember.tier.evaluation.TierEvaluation;
import io.unimember.tier.tiers.Tier;
import io.unimember.tier.tiers.TierTable;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies evaluation's steps to a locked member: each step is a history row and a {@code tier.changed}; when growth
 * or the way to the next tier changed without a step, one {@code tier.growth.changed}. Every event carries the next
 * value of the member's version, and all of them the member's growth after the change.
 */
@Component
class Transitions {

    private final TierHistory history;
    private final EventPublisher events;
    private final MembershipProperties properties;

    Transitions(TierHistory history, EventPublisher events, MembershipProperties properties) {
        this.history = history;
        this.events = events;
        this.properties = properties;
    }

    MemberTier apply(MemberTier before, List<Step> steps, long growth, TierTable table, Instant now) {
        MemberTier member = before;
        for (Step step : steps) {
            member = move(member, step, growth, table, now);
        }
        MemberTier.GrowthView view = new MemberTier.GrowthView(
                growth,
                table.above(member.tier()).map(Tier::code).orElse(null),
                table.growthToNext(member.tier(), growth));
        long version = member.version();
        if (steps.isEmpty() && !view.equals(before.view())) {
            version++;
            events.publish(new TierGrowthChanged(
                    member.memberId(), member.tier(), growth, view.nextTier(), view.growthToNext(), version));
        }
        return member.viewing(view, version);
    }

    private MemberTier move(MemberTier member, Step step, long growth, TierTable table, Instant now) {
        MemberTier.Standing standing = step.moves()
                ? new MemberTier.Standing(
                        step.to(), now, TierEvaluation.retainedUntil(table, step.to(), now, properties.retention()))
                : member.standing();
        long version = member.version() + 1;
        Tier to = table.get(step.to());
        history.add(member.memberId(), step, growth, version, now);
        events.publish(new TierChanged(
                member.memberId(),
                step.from(),
                to.code(),
                step.reason().name(),
                growth,
                to.name(),
                table.above(to.code()).map(Tier::code).orElse(null),
                table.growthToNext(to.code(), growth),
                to.multiplierText(),
                to.monthlyCoupons(),
                standing.retainedUntil(),
                version));
        return member.moved(standing, version);
    }
}
