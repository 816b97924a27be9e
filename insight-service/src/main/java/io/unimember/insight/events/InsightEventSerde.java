package io.unimember.insight.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the event envelopes of §8 ({@code {eventId, type, occurredAt, memberId, data}}) into {@link InsightEvent}s.
 * Only the fields the figures use are read, straight from the JSON tree: binding the whole payload record of
 * common's events cost more than everything else the topology does per event. Read-only: the topology never writes
 * these topics.
 */
public final class InsightEventSerde {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private InsightEventSerde() {}

    public static Serde<InsightEvent> serde() {
        Serializer<InsightEvent> none = (topic, event) -> {
            throw new UnsupportedOperationException("the topology only reads envelopes");
        };
        Deserializer<InsightEvent> reader = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(none, reader);
    }

    /** An envelope as an event; what cannot be read is {@link InsightEvent.Ignored}, never an exception. */
    public static InsightEvent read(byte[] bytes) {
        JsonNode envelope;
        try {
            envelope = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            return new InsightEvent.Ignored("", Instant.EPOCH, "not JSON");
        }
        String memberId = text(envelope, "memberId");
        Instant occurredAt = instant(envelope.path("occurredAt"), Instant.EPOCH);
        JsonNode data = envelope.path("data");
        if (memberId == null || memberId.isBlank() || !data.isObject()) {
            return new InsightEvent.Ignored(memberId == null ? "" : memberId, occurredAt, "no member or data");
        }
        try {
            return switch (String.valueOf(text(envelope, "type"))) {
                case "member.registered" ->
                    new InsightEvent.Registered(memberId, instant(data.path("registeredAt"), occurredAt));
                case "order.completed" ->
                    new InsightEvent.OrderCompleted(
                            memberId,
                            instant(data.path("occurredAt"), occurredAt),
                            required(data, "bu"),
                            required(data, "orderId"),
                            data.path("amountFen").asLong());
                case "order.refunded" ->
                    new InsightEvent.OrderRefunded(
                            memberId,
                            instant(data.path("occurredAt"), occurredAt),
                            required(data, "bu"),
                            required(data, "orderId"),
                            required(data, "refundId"),
                            data.path("refundFen").asLong());
                case "coupon.issued" ->
                    new InsightEvent.CouponIssued(
                            memberId,
                            instant(data.path("issuedAt"), occurredAt),
                            required(data, "templateId"),
                            required(data, "couponId"));
                case "coupon.redeemed" ->
                    new InsightEvent.CouponRedeemed(
                            memberId,
                            instant(data.path("redeemedAt"), occurredAt),
                            required(data, "templateId"),
                            required(data, "couponId"),
                            data.path("discountFen").asLong());
                case "coupon.returned" ->
                    new InsightEvent.CouponReturned(
                            memberId,
                            instant(data.path("returnedAt"), occurredAt),
                            required(data, "templateId"),
                            required(data, "couponId"),
                            data.path("discountFen").asLong());
                case "points.earned",
                        "points.reversed",
                        "points.refunded",
                        "points.held",
                        "points.released",
                        "points.redeemed",
                        "points.expired" -> {
                    JsonNode balance = data.path("balance");
                    if (!balance.isObject()) {
                        yield new InsightEvent.Ignored(memberId, occurredAt, "no balance");
                    }
                    yield new InsightEvent.PointsBalance(
                            memberId,
                            occurredAt,
                            balance.path("available").asLong(),
                            balance.path("version").asLong());
                }
                case "tier.changed" ->
                    new InsightEvent.TierChanged(
                            memberId,
                            occurredAt,
                            required(data, "to"),
                            data.path("version").asLong());
                default -> new InsightEvent.Ignored(memberId, occurredAt, null);
            };
        } catch (IllegalArgumentException e) {
            return new InsightEvent.Ignored(memberId, occurredAt, e.getMessage());
        }
    }

    /** The envelope's bytes as text, for a test or the benchmark to build one. */
    public static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static Instant instant(JsonNode node, Instant fallback) {
        if (node.isString()) {
            try {
                return Instant.parse(node.asString());
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        if (node.isNumber()) {
            // Jackson's default for an Instant without WRITE_DATES_AS_TIMESTAMPS off: seconds with a fraction
            return Instant.ofEpochMilli((long) (node.asDouble() * 1000));
        }
        return fallback;
    }
}
