package io.unimember.settlement.notifications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message to a member, as the inbox shows it. {@code ref} is what it is about (a lot's expiry, a coupon, a tier
 * change): a notice is made once per (member, kind, ref).
 */
record Message(
        String messageId,
        String memberId,
        Kind kind,
        String ref,
        String title,
        String body,
        Instant createdAt,
        @Nullable Instant readAt) {

    enum Kind {
        POINTS_EXPIRING_30D,
        POINTS_EXPIRING_7D,
        COUPON_EXPIRING,
        TIER_UP,
        TIER_KEPT,
        TIER_AT_RISK
    }
}
