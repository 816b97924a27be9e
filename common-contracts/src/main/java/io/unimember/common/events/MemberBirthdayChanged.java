package io.unimember.common.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member set or changed their birthday, or had it erased ({@code monthDay} null). Only the month and day travel
 * ({@code "MM-DD"}), never the year: what a birthday campaign needs and no more (decision 0067).
 */
@EventType(value = "member.birthday_changed", topic = Topics.MEMBER)
public record MemberBirthdayChanged(String memberId, @Nullable String monthDay, Instant changedAt)
        implements DomainEvent {}
