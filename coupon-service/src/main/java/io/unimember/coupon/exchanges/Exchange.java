package io.unimember.coupon.exchanges;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One member's exchange of points for a coupon, keyed by (member, exchangeId). */
record Exchange(
        String memberId,
        String exchangeId,
        String templateId,
        long points,
        String fundingBu,
        ExchangeStatus status,
        @Nullable String reason,
        @Nullable String couponId,
        Instant requestedAt) {

    /** The hold's id at points-service: the same for every retry, different for every member's exchange. */
    String holdId() {
        return holdIdOf(memberId, exchangeId);
    }

    static String holdIdOf(String memberId, String exchangeId) {
        return "x-" + UUID.nameUUIDFromBytes((memberId + "/" + exchangeId).getBytes(StandardCharsets.UTF_8));
    }

    /** What issues the coupon: unique across coupons, so an exchange issues at most one. */
    String sourceRef() {
        return "exchange:" + memberId + ":" + exchangeId;
    }
}
