package io.unimember.tier.growth;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growth earned by orders and taken back by refunds. Each order is one entry, dated by when it occurred; a refund
 * reverses that entry, whether it arrives after the order or before it (then it waits and applies on arrival).
 * Callers hold the member's lock, so one member's growth changes one at a time.
 */
@Service
public class GrowthLedger {

    /**
     * What recording an order did.
     *
     * @param recorded false when this (bu, orderId) was already recorded: nothing changed
     * @param reversedAtOnce growth in the window that refunds which arrived before the order took back at once
     */
    public record OrderOutcome(boolean recorded, long reversedAtOnce) {}

    private static final Logger log = LoggerFactory.getLogger(GrowthLedger.class);

    private final GrowthEntries entries;
    private final BusinessUnitRates rates;
    private final GrowthWindow window;

    GrowthLedger(GrowthEntries entries, BusinessUnitRates rates, GrowthWindow window) {
        this.entries = entries;
        this.rates = rates;
        this.window = window;
    }

    @Transactional
    public OrderOutcome recordOrder(OrderCompleted order, Instant now) {
        long growth = GrowthMath.growthFor(order.amountFen(), rates.rateBp(order.bu()));
        // an order dated in the future (a BU's clock) counts from today, not for longer than a year
        LocalDate day = window.businessDate(order.occurredAt().isAfter(now) ? now : order.occurredAt());
        if (!entries.insert(order, growth, day, now)) {
            return new OrderOutcome(false, 0);
        }
        long refunded = entries.refundedFen(order.bu(), order.orderId(), order.memberId());
        long reversed = GrowthMath.reversedFor(growth, refunded, order.amountFen());
        if (reversed > 0) {
            entries.setReversed(order.bu(), order.orderId(), reversed);
        }
        return new OrderOutcome(true, window.contains(day, now) ? reversed : 0);
    }

    /** Records a refund; true if it changed the member's rolling growth now. */
    @Transactional
    public boolean recordRefund(OrderRefunded refund, Instant now) {
        if (!entries.insertRefund(refund, now)) {
            return false;
        }
        var entry = entries.find(refund.bu(), refund.orderId()).orElse(null);
        if (entry == null) {
            return false;
        }
        if (!entry.memberId().equals(refund.memberId())) {
            log.warn(
                    "refund {} of order {}/{} names member {} but the order is {}'s; not applied",
                    refund.refundId(),
                    refund.bu(),
                    refund.orderId(),
                    refund.memberId(),
                    entry.memberId());
            return false;
        }
        long refunded = entries.refundedFen(refund.bu(), refund.orderId(), entry.memberId());
        long reversed = GrowthMath.reversedFor(entry.growth(), refunded, entry.amountFen());
        if (reversed == entry.reversed()) {
            return false;
        }
        entries.setReversed(refund.bu(), refund.orderId(), reversed);
        return window.contains(entry.businessDate(), now);
    }

    /** The member's growth over the rolling window ending at {@code now}. */
    public long rollingGrowth(String memberId, Instant now) {
        return entries.sumSince(memberId, window.firstDay(now));
    }

    /** Members whose growth dated in [from, to] exists, in member id order after {@code afterMemberId}. */
    public List<String> membersWithGrowthBetween(LocalDate from, LocalDate to, String afterMemberId, int limit) {
        return entries.membersWithEntriesBetween(from, to, afterMemberId, limit);
    }
}
