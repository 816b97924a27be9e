package io.unimember.common.events;

import java.time.Instant;

/**
 * A BU gave one use of a counted benefit: {@code used} of {@code perMonth} are now used in the business month
 * {@code [monthStart, monthEnd)}. Beyond DESIGN §13's five events (decision 0039): it lets the entitlement view show
 * what remains without asking tier-service.
 */
@EventType(value = "membership.benefit-used", topic = Topics.MEMBERSHIP)
public record MembershipBenefitUsed(
        String memberId,
        String planCode,
        String benefit,
        int used,
        int perMonth,
        Instant monthStart,
        Instant monthEnd,
        long version)
        implements DomainEvent {}
