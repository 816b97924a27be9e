package io.unimember.common.events;

import java.time.Instant;

/**
 * A membership ended without a refund: {@code reason} is {@code RENEWAL_UNPAID} (the renewal was not paid within the
 * grace) or {@code ENDED} (cancelled, it ran to its end).
 */
@EventType(value = "membership.lapsed", topic = Topics.MEMBERSHIP)
public record MembershipLapsed(String memberId, String planCode, Instant endedAt, String reason, long version)
        implements DomainEvent {}
