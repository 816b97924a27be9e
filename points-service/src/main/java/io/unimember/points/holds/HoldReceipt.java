package io.unimember.points.holds;

import java.time.Instant;

/** The answer to a new hold: its points are frozen until {@code expiresAt} unless confirmed or cancelled first. */
record HoldReceipt(String holdId, String memberId, long points, HoldStatus status, Instant expiresAt) {}
