package io.unimember.common.events;

import java.time.Instant;

/** The member turned auto-renew off: the membership stays active to {@code endsAt} and is not renewed. */
@EventType(value = "membership.cancelled", topic = Topics.MEMBERSHIP)
public record MembershipCancelled(String memberId, String planCode, Instant endsAt, long version)
        implements DomainEvent {}
