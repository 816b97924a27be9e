package io.unimember.tier.membership;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.OrderRefunded;
import io.unimember.tier.evaluation.Reason;
import io.unimember.tier.evaluation.Step;
import io.unimember.tier.evaluation.TierEvaluation;
import io.unimember.tier.growth.GrowthLedger;
import io.unimember.tier.tiers.Tier;
import io.unimember.tier.tiers.TierRules;
import io.unimember.tier.tiers.TierTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a member's tier, each in one transaction that locks the member's row first: registration, an
 * order, a refund, the monthly downgrade, the window sliding past old growth, a rule change. Events go out through
 * the outbox in the same transaction.
 */
@Service
public class Memberships {

    private final MemberTiers members;
    private final GrowthLedger ledger;
    private final TierRules rules;
    private final Transitions transitions;
    private final MembershipProperties properties;
    private final Clock clock;

    Memberships(
            MemberTiers members,
            GrowthLedger ledger,
            TierRules rules,
            Transitions transitions,
            MembershipProperties properties,
            Clock clock) {
        this.members = members;
        this.ledger = ledger;
        this.rules = rules;
        this.transitions = transitions;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code member.registered}: the member starts in the lowest tier, unless an order already brought them here. */
    @Transactional
    public void register(String memberId, Instant registeredAt) {
        Instant now = clock.instant();
        MemberTier member = lockOrCreate(memberId, rules.current(), now);
        if (member.applied().registeredAt() == null) {
            member = member.registered(registeredAt);
        }
        members.save(member, now);
    }

    /** {@code order.completed}: one order, as {@link #applyOrders} applies a batch. */
    @Transactional
    public void applyOrder(OrderCompleted order) {
        applyOrders(List.of(order));
    }

    /**
     * A batch of {@code order.completed}: growth once per (bu, orderId); the first order grants the first-order
     * tier; every threshold the growth crosses is an upgrade. Refunds that came first take their growth back, but not
     * the upgrade the order earned when it happened: tiers follow business time, not arrival order.
     *
     * <p>Set-based: the batch's members are locked (and the new ones created) together, its growth recorded and summed
     * with a few statements, and each member written once. A member with several orders in the batch is evaluated
     * once, as the last of them would have been: the same steps, and one {@code tier.growth.changed} instead of one
     * per order, as nobody could have seen the states between them.
     */
    @Transactional
    public void applyOrders(List<OrderCompleted> orders) {
        Instant now = clock.instant();
        TierTable table = rules.current();
        Map<String, List<Integer>> byMember = new TreeMap<>();
        for (int i = 0; i < orders.size(); i++) {
            byMember.computeIfAbsent(orders.get(i).memberId(), id -> new ArrayList<>())
                    .add(i);
        }
        Map<String, MemberTier> locked = lockOrCreate(byMember.keySet(), table, now);
        List<GrowthLedger.OrderOutcome> outcomes = ledger.recordOrders(orders, now);
        List<String> grown = byMember.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(i -> outcomes.get(i).recorded()))
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Long> growth = ledger.rollingGrowth(grown, now);
        String orderTier =
                table.find(properties.firstOrderTier()).map(Tier::code).orElse(null);
        List<MemberTier> after = new ArrayList<>(byMember.size());
        for (var entry : byMember.entrySet()) {
            MemberTier member = lockedOne(locked, entry.getKey());
            Long memberGrowth = growth.get(entry.getKey());
            if (memberGrowth != null) {
                List<Step> steps = TierEvaluation.upgrades(
                        table,
                        member.tier(),
                        evaluatedGrowth(memberGrowth, entry.getValue(), outcomes),
                        orderTier,
                        !member.applied().hasOrdered(),
                        Reason.UPGRADE);
                member = transitions
                        .apply(member, steps, memberGrowth, table, now)
                        .ordered();
            }
            after.add(member);
        }
        members.saveAll(after, now);
    }

    /**
     * The growth the member's upgrades are judged by: for each order as it was applied, the rolling growth then
     * (what the orders after it had not added yet) plus what refunds that came before the order took back at once.
     */
    private static long evaluatedGrowth(
            long growthNow, List<Integer> orders, List<GrowthLedger.OrderOutcome> outcomes) {
        long highest = Long.MIN_VALUE;
        long addedAfter = 0;
        for (int k = orders.size() - 1; k >= 0; k--) {
            GrowthLedger.OrderOutcome outcome = outcomes.get(orders.get(k));
            if (outcome.recorded()) {
                highest = Math.max(highest, growthNow - addedAfter + outcome.reversedAtOnce());
                addedAfter += outcome.counted();
            }
        }
        return highest;
    }

    /**
     * A campaign's bonus growth ({@code campaign.rewarded BONUS_GROWTH}, decision 0067), once per {@code ref}: it
     * counts like an order's growth, so crossing a threshold upgrades at once; it is no order (no first-order tier).
     */
    @Transactional
    public void applyBonusGrowth(String memberId, String ref, long growth, Instant grantedAt) {
        Instant now = clock.instant();
        TierTable table = rules.current();
        MemberTier member = lockOrCreate(memberId, table, now);
        if (!ledger.recordBonus(memberId, ref, growth, grantedAt, now)) {
            members.save(member, now); // a member created here is still saved; otherwise nothing changes
            return;
        }
        long rolling = ledger.rollingGrowth(memberId, now);
        List<Step> steps = TierEvaluation.upgrades(table, member.tier(), rolling, null, false, Reason.UPGRADE);
        members.save(transitions.apply(member, steps, rolling, table, now), now);
    }

    /** {@code order.refunded}: growth goes down in proportion; the tier stays until the monthly evaluation. */
    @Transactional
    public void applyRefund(OrderRefunded refund) {
        Instant now = clock.instant();
        TierTable table = rules.current();
        MemberTier member = lockOrCreate(refund.memberId(), table, now);
        ledger.recordRefund(refund, now);
        long growth = ledger.rollingGrowth(member.memberId(), now);
        members.save(transitions.apply(member, List.of(), growth, table, now), now);
    }

    /** The monthly evaluation of one member for {@code period} (yyyy-MM); true if they went down a tier. */
    @Transactional
    public boolean downgrade(String memberId, String period) {
        Instant now = clock.instant();
        TierTable table = rules.current();
        MemberTier member = members.lock(memberId).orElse(null);
        if (member == null
                || member.applied().downgradeEvaluatedFor(period)
                || member.standing().keptAt(now)) {
            return false;
        }
        long growth = ledger.rollingGrowth(memberId, now);
        Optional<Step> step = TierEvaluation.downgrade(
                table, member.tier(), growth, member.standing().retainedUntil(), now);
        member = transitions.apply(member, step.stream().toList(), growth, table, now);
        members.save(member.downgradeEvaluated(period), now);
        return step.isPresent();
    }

    /** Publishes the member's growth again if the window slid past some of it; true if it changed. */
    @Transactional
    public boolean refreshGrowth(String memberId) {
        Instant now = clock.instant();
        MemberTier member = members.lock(memberId).orElse(null);
        if (member == null) {
            return false;
        }
        MemberTier after =
                transitions.apply(member, List.of(), ledger.rollingGrowth(memberId, now), rules.current(), now);
        members.save(after, now);
        return after.version() != member.version();
    }

    /**
     * Re-evaluates a member against rules changed since they were last evaluated: a lowered threshold upgrades them
     * (ADMIN_RULES), new benefits for their tier are a {@code tier.changed} to the same tier so every projection
     * picks up the new multiplier and coupon count. True if an event was published.
     */
    @Transactional
    public boolean applyRules(String memberId) {
        Instant now = clock.instant();
        TierTable table = rules.current();
        MemberTier member = members.lock(memberId).orElse(null);
        if (member == null || member.applied().rulesRevision() >= table.revision()) {
            return false;
        }
        long growth = ledger.rollingGrowth(memberId, now);
        List<Step> steps = TierEvaluation.upgrades(table, member.tier(), growth, null, false, Reason.ADMIN_RULES);
        if (steps.isEmpty()
                && table.get(member.tier()).revision() > member.applied().rulesRevision()) {
            steps = List.of(new Step(member.tier(), member.tier(), Reason.ADMIN_RULES));
        }
        MemberTier after = transitions.apply(member, steps, growth, table, now).evaluatedAgainst(table.revision());
        members.save(after, now);
        return after.version() != member.version();
    }

    /**
     * The member's row, locked; a member seen here first is created in the lowest tier with a REGISTERED event.
     * A row created here has version 0 until this transaction publishes its first event, and no other transaction
     * sees it before that commits, so version 0 means "created by us".
     */
    private MemberTier lockOrCreate(String memberId, TierTable table, Instant now) {
        return lockedOne(lockOrCreate(List.of(memberId), table, now), memberId);
    }

    /** A member's row from {@link #lockOrCreate(Collection, TierTable, Instant)}, which has one for every member. */
    private static MemberTier lockedOne(Map<String, MemberTier> locked, String memberId) {
        MemberTier member = locked.get(memberId);
        if (member == null) {
            throw new IllegalStateException("member " + memberId + " was neither locked nor created");
        }
        return member;
    }

    /** {@link #lockOrCreate(String, TierTable, Instant)} for several members, with a few statements in all. */
    private Map<String, MemberTier> lockOrCreate(Collection<String> memberIds, TierTable table, Instant now) {
        Map<String, MemberTier> locked = members.lockAll(memberIds);
        if (locked.size() == memberIds.size()) {
            return locked;
        }
        String lowest = table.lowest().code();
        List<String> missing =
                memberIds.stream().filter(id -> !locked.containsKey(id)).toList();
        members.insertAllOrLock(
                missing.stream()
                        .map(id -> MemberTier.newcomer(id, lowest, table.revision(), now))
                        .toList(),
                now);
        members.lockAll(missing)
                .forEach((id, member) -> locked.put(
                        id,
                        member.version() > 0
                                ? member
                                : transitions.apply(
                                        member, List.of(new Step(null, lowest, Reason.REGISTERED)), 0, table, now)));
        return locked;
    }
}
