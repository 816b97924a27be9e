package io.unimember.common.events;

/** A member's paid membership began: a first purchase (or one after a lapse or refund) was paid. */
@EventType(value = "membership.activated", topic = Topics.MEMBERSHIP)
public record MembershipActivated(String memberId, MembershipTerms terms, long version) implements DomainEvent {}
