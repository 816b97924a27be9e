package io.unimember.coupon.campaigns;

import io.unimember.common.events.OrderCompleted;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Whether an order fires a campaign's trigger, and which occurrence it is: the key that makes the campaign act at
 * most once for it. Pure, so the evaluation of a batch reads nothing per order (decision 0043).
 */
final class OrderTriggers {

    private OrderTriggers() {}

    /** The occurrence the order is for the campaign, or null if it does not fire it. */
    static @Nullable String occurrence(Campaign c, OrderCompleted o, MemberOrders.History before) {
        Trigger t = c.trigger();
        String bu = t.orderBu();
        if (bu != null && !bu.equals(o.bu())) {
            return null;
        }
        if (t.minAmountFen() != null && o.amountFen() < t.minAmountFen()) {
            return null;
        }
        if (t.category() != null && !t.category().equals(o.category())) {
            return null;
        }
        return switch (t.type()) {
            case ORDER_COMPLETED -> orderCompleted(t, o, before);
            case CROSS_BU -> crossBu(t, o, before);
            default -> null;
        };
    }

    private static @Nullable String orderCompleted(Trigger t, OrderCompleted o, MemberOrders.History before) {
        long earlier = before.count(o.memberId(), o.bu());
        if (Boolean.TRUE.equals(t.firstInBu())) {
            return earlier == 0 ? "first-in-bu:" + o.bu() : null;
        }
        if (t.nthOrder() != null) {
            return earlier + 1 == t.nthOrder() ? "nth-in-bu:" + t.nthOrder() + ":" + o.bu() : null;
        }
        return byOrder(o);
    }

    /** An order in toBu within withinDays after the member's latest order in fromBu. */
    private static @Nullable String crossBu(Trigger t, OrderCompleted o, MemberOrders.History before) {
        String fromBu = t.fromBu();
        Integer withinDays = t.withinDays();
        if (fromBu == null || withinDays == null) {
            throw new IllegalStateException("a CROSS_BU trigger has fromBu and withinDays (CampaignRules)");
        }
        Instant from = before.latest(o.memberId(), fromBu);
        // at the microseconds the history keeps, so an order exactly withinDays after is within
        Instant at = o.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (from == null || from.isAfter(at)) {
            return null;
        }
        return Duration.between(from, at).compareTo(Duration.ofDays(withinDays)) <= 0 ? byOrder(o) : null;
    }

    private static String byOrder(OrderCompleted o) {
        return "order:" + o.bu() + ":" + o.orderId();
    }

    /** Whether evaluating the campaign needs the members' order history. */
    static boolean readsHistory(Campaign c) {
        Trigger t = c.trigger();
        return t.type() == TriggerType.CROSS_BU || Boolean.TRUE.equals(t.firstInBu()) || t.nthOrder() != null;
    }
}
