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
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
        String nextTier = table.above(member.tier()).map(Tier::code).orElse(null);
        long growthToNext = table.growthToNext(member.tier(), growth);
        long version = member.version();
        if (steps.isEmpty()
                && (growth != before.growth()
                        || !Objects.equals(nextTier, before.nextTier())
                        || growthToNext != before.growthToNext())) {
            version++;
            events.publish(
                    new TierGrowthChanged(member.memberId(), member.tier(), growth, nextTier, growthToNext, version));
        }
        return member.viewing(growth, nextTier, growthToNext, version);
    }

    private MemberTier move(MemberTier member, Step step, long growth, TierTable table, Instant now) {
        Instant reached = step.moves() ? now : member.reachedAt();
        @Nullable
        Instant retained = step.moves()
                ? TierEvaluation.retainedUntil(table, step.to(), now, properties.retention())
                : member.retainedUntil();
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
                retained,
                version));
        return member.moved(to.code(), reached, retained, version);
    }
}
