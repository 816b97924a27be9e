package io.unimember.common.events;

import java.time.Instant;

/** Points of one or more lots that expire together. */
public record ExpiringPoints(long points, Instant expiresAt) {}
