package io.unimember.common.events;

/** A renewal was paid: the membership goes on to {@code terms.endsAt()}, the new period starting where the last ended. */
@EventType(value = "membership.renewed", topic = Topics.MEMBERSHIP)
public record MembershipRenewed(String memberId, MembershipTerms terms, long version) implements DomainEvent {}
