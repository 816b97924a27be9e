package io.unimember.tier.growth;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * @param counted what the order adds to the member's rolling growth now: its growth less what was taken back, 0
     *     when its day is outside the window
     */
    public record OrderOutcome(boolean recorded, long reversedAtOnce, long counted) {

        static final OrderOutcome NOT_RECORDED = new OrderOutcome(false, 0, 0);
    }

    private static final Logger log = LoggerFactory.getLogger(GrowthLedger.class);

    private final GrowthEntries entries;
    private final BusinessUnitRates rates;
    private final GrowthWindow window;

    GrowthLedger(GrowthEntries entries, BusinessUnitRates rates, GrowthWindow window) {
        this.entries = entries;
        this.rates = rates;
        this.window = window;
    }

    /** Records one order: {@link #recordOrders} with a batch of one. */
    @Transactional
    public OrderOutcome recordOrder(OrderCompleted order, Instant now) {
        return recordOrders(List.of(order), now).getFirst();
    }

    /**
     * Records a batch of orders, each once per (bu, orderId), with four statements whatever the batch's size: which
     * are recorded already, what refunds that came first take back, the new entries, nothing per order. Outcomes are
     * in the orders' order; an order recorded already, or twice in the batch, has {@code recorded} false.
     */
    @Transactional
    public List<OrderOutcome> recordOrders(List<OrderCompleted> orders, Instant now) {
        List<GrowthEntries.Key> keys = orders.stream()
                .map(o -> new GrowthEntries.Key(o.bu(), o.orderId()))
                .toList();
        Set<GrowthEntries.Key> seen = entries.recorded(new HashSet<>(keys));
        Set<GrowthEntries.Key> fresh = new HashSet<>(keys);
        fresh.removeAll(seen);
        Map<GrowthEntries.Key, Map<String, Long>> refunds = entries.refundedFen(fresh);
        List<GrowthEntries.NewEntry> inserts = new ArrayList<>();
        List<OrderOutcome> outcomes = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            OrderCompleted order = orders.get(i);
            if (!fresh.remove(keys.get(i))) {
                outcomes.add(OrderOutcome.NOT_RECORDED);
                continue;
            }
            long growth = GrowthMath.growthFor(order.amountFen(), rates.rateBp(order.bu()));
            LocalDate day = window.businessDate(order.occurredAt().isAfter(now) ? now : order.occurredAt());
            long refunded = refunds.getOrDefault(keys.get(i), Map.of()).getOrDefault(order.memberId(), 0L);
            long reversed = GrowthMath.reversedFor(growth, refunded, order.amountFen());
            inserts.add(new GrowthEntries.NewEntry(order, growth, reversed, day));
            boolean counts = window.contains(day, now);
            outcomes.add(new OrderOutcome(true, counts ? reversed : 0, counts ? growth - reversed : 0));
        }
        if (!inserts.isEmpty()) {
            entries.insertAll(inserts, now);
        }
        return outcomes;
    }

    /** The pseudo BU a campaign's bonus growth is recorded under (decision 0067): no order of a BU has it. */
    public static final String CAMPAIGN = "CAMPAIGN";

    /**
     * Records a campaign's bonus growth, once per {@code ref} (an entry of the pseudo BU {@link #CAMPAIGN}, dated by
     * when it was granted, so it counts in the rolling window like an order's growth); true if it was new.
     */
    @Transactional
    public boolean recordBonus(String memberId, String ref, long growth, Instant grantedAt, Instant now) {
        GrowthEntries.Key key = new GrowthEntries.Key(CAMPAIGN, ref);
        if (!entries.recorded(Set.of(key)).isEmpty()) {
            return false;
        }
        Instant at = grantedAt.isAfter(now) ? now : grantedAt;
        var entry = new OrderCompleted(memberId, CAMPAIGN, ref, 0, null, at, 0);
        entries.insertAll(List.of(new GrowthEntries.NewEntry(entry, growth, 0, window.businessDate(at))), now);
        return true;
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

    /** Each member's growth over the rolling window ending at {@code now}, in one statement; none is 0. */
    public Map<String, Long> rollingGrowth(Collection<String> memberIds, Instant now) {
        Map<String, Long> sums = entries.sumsSince(memberIds, window.firstDay(now));
        Map<String, Long> growth = new HashMap<>();
        memberIds.forEach(id -> growth.put(id, sums.getOrDefault(id, 0L)));
        return growth;
    }

    /** Members whose growth dated in [from, to] exists, in member id order after {@code afterMemberId}. */
    public List<String> membersWithGrowthBetween(LocalDate from, LocalDate to, String afterMemberId, int limit) {
        return entries.membersWithEntriesBetween(from, to, afterMemberId, limit);
    }
}
