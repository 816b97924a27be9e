package io.unimember.insight.stream;

import java.time.Instant;
import java.util.UUID;

/** Event envelopes as the services publish them (§8), for feeding the topology. */
final class Envelopes {

    private Envelopes() {}

    static String order(String memberId, String bu, String orderId, long amountFen, Instant at) {
        return envelope(
                "order.completed",
                memberId,
                at,
                """
                {"memberId":"%s","bu":"%s","orderId":"%s","amountFen":%d,"category":null,"occurredAt":"%s","pointsEarned":0}"""
                        .formatted(memberId, bu, orderId, amountFen, at));
    }

    static String refund(String memberId, String bu, String orderId, String refundId, long refundFen, Instant at) {
        return envelope(
                "order.refunded",
                memberId,
                at,
                """
                {"memberId":"%s","bu":"%s","orderId":"%s","refundId":"%s","refundFen":%d,"orderAmountFen":0,"pointsReversed":0,"occurredAt":"%s"}"""
                        .formatted(memberId, bu, orderId, refundId, refundFen, at));
    }

    static String registered(String memberId, Instant at) {
        return envelope(
                "member.registered",
                memberId,
                at,
                """
                {"memberId":"%s","registeredAt":"%s"}""".formatted(memberId, at));
    }

    static String issued(String memberId, String templateId, String couponId, Instant at) {
        return envelope(
                "coupon.issued",
                memberId,
                at,
                """
                {"memberId":"%s","couponId":"%s","templateId":"%s","name":"n","kind":"CASH","discountFen":500,"minSpendFen":0,"scenes":[],"fundingBu":"HOTEL","channel":"GRANT","issuedAt":"%s","expiresAt":"%s"}"""
                        .formatted(memberId, couponId, templateId, at, at.plusSeconds(86400 * 30)));
    }

    static String redeemed(String memberId, String templateId, String couponId, long discountFen, Instant at) {
        return envelope(
                "coupon.redeemed",
                memberId,
                at,
                """
                {"memberId":"%s","couponId":"%s","templateId":"%s","fundingBu":"HOTEL","redeemingBu":"DINE_IN","discountFen":%d,"orderRef":"o","redeemedAt":"%s"}"""
                        .formatted(memberId, couponId, templateId, discountFen, at));
    }

    static String balance(String memberId, long available, long version, Instant at) {
        return envelope(
                "points.earned",
                memberId,
                at,
                """
                {"memberId":"%s","transferId":"t","bu":"DINE_IN","orderId":"o","points":1,"capped":false,"expiresAt":"%s","balance":{"available":%d,"frozen":0,"lifetimeEarned":0,"version":%d,"expiring":[]}}"""
                        .formatted(memberId, at, available, version));
    }

    static String tier(String memberId, String to, long version, Instant at) {
        return envelope(
                "tier.changed",
                memberId,
                at,
                """
                {"memberId":"%s","from":null,"to":"%s","reason":"GROWTH","growth":0,"toName":"x","nextTier":null,"growthToNext":0,"pointsMultiplier":"1","monthlyCoupons":0,"retainedUntil":null,"version":%d}"""
                        .formatted(memberId, to, version));
    }

    static String envelope(String type, String memberId, Instant at, String data) {
        return """
                {"eventId":"%s","type":"%s","occurredAt":"%s","memberId":"%s","source":"test","version":1,"data":%s}"""
                .formatted(UUID.randomUUID(), type, at, memberId, data);
    }
}
