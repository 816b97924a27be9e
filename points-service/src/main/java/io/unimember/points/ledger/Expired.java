package io.unimember.points.ledger;

import io.unimember.common.events.PointsBalance;
import java.time.Instant;

/** Lots reached their expiry; {@code expiredAt} is the latest expiry among them. */
public record Expired(String transferId, long points, Instant expiredAt, PointsBalance balance) {}
