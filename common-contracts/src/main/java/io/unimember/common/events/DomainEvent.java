package io.unimember.common.events;

/** An event about one member; the member id is the Kafka key, so one member's events stay in order. */
public interface DomainEvent {

    String memberId();
}
