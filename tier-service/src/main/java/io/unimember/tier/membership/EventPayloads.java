package io.unimember.tier.membership;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MemberRegistered;
import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import io.unimember.common.inbox.MalformedEventException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads event payloads and rejects what can never be applied (missing fields, absurd amounts, ids longer than the
 * columns): such an event is poison and goes to the dead-letter topic instead of being retried.
 */
final class EventPayloads {

    private static final Pattern BU = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final int MAX_MEMBER_ID = 64;
    private static final int MAX_ID = 128;

    private EventPayloads() {}

    static <T extends DomainEvent> T read(EventEnvelope envelope, Class<T> type, JsonMapper mapper) {
        try {
            return envelope.dataAs(type, mapper);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException(
                    envelope.type() + " " + envelope.eventId() + " has a bad payload: " + e.getMessage());
        }
    }

    static MemberRegistered check(MemberRegistered e) {
        memberId(e.memberId());
        require(e.registeredAt() != null, "registeredAt is required");
        return e;
    }

    static OrderCompleted check(OrderCompleted e) {
        memberId(e.memberId());
        bu(e.bu());
        id("orderId", e.orderId());
        require(e.amountFen() >= 0, "amountFen must not be negative");
        require(e.occurredAt() != null, "occurredAt is required");
        return e;
    }

    static OrderRefunded check(OrderRefunded e) {
        memberId(e.memberId());
        bu(e.bu());
        id("orderId", e.orderId());
        id("refundId", e.refundId());
        require(e.refundFen() > 0, "refundFen must be positive");
        require(e.orderAmountFen() > 0, "orderAmountFen must be positive");
        require(e.occurredAt() != null, "occurredAt is required");
        return e;
    }

    private static void memberId(@Nullable String memberId) {
        require(
                memberId != null && !memberId.isBlank() && memberId.length() <= MAX_MEMBER_ID,
                "memberId must be 1-" + MAX_MEMBER_ID + " characters");
    }

    private static void bu(@Nullable String bu) {
        require(bu != null && BU.matcher(bu).matches(), "bu must be a business unit code");
    }

    private static void id(String name, @Nullable String id) {
        require(id != null && !id.isBlank() && id.length() <= MAX_ID, name + " must be 1-" + MAX_ID + " characters");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new MalformedEventException(message);
        }
    }
}
