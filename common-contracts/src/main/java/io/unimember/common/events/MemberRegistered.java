package io.unimember.common.events;

import java.time.Instant;

/** A person logged in for the first time and became a member. */
@EventType(value = "member.registered", topic = Topics.MEMBER)
public record MemberRegistered(String memberId, Instant registeredAt) implements DomainEvent {}
