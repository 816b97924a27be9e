package io.unimember.points.orders;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.idempotency.IdempotentResult;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.points.PointsProperties;
import io.unimember.points.earning.BusinessUnit;
import io.unimember.points.earning.EarnRule;
import io.unimember.points.earning.Earning;
import io.unimember.points.ledger.Earned;
import io.unimember.points.ledger.EarningBatch;
import io.unimember.points.ledger.Ledger;
import io.unimember.points.ledger.MemberAccount;
import io.unimember.points.tiers.TierProjection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts orders: applies the earn rule under the member's lock (so concurrent orders see each other's points
 * against the daily cap), lets risk control judge what it earns ({@link EarningRisk}), credits the points, stores
 * the order and records its events, all in one transaction — for one order ({@link #accept}) or for a batch of them
 * ({@link #acceptAll}). An order risk control stopped is stored all the same, earning nothing, and publishes no
 * {@code order.completed}: that event is what growth (tier-service) and order rewards (coupon-service) are earned
 * on. A parked order publishes it when its review is approved ({@link EarningReviews}).
 */
@Component
class OrderAcceptance {

    /** An order checked and its idempotency key hashed, waiting for its batch. */
    record Submitted(BusinessUnit bu, OrderRequest request, Idempotency.Claim claim) {}

    private static final Logger log = LoggerFactory.getLogger(OrderAcceptance.class);

    /** What an order risk control stopped earns now. */
    private static final Earning NOTHING = new Earning(0, 0, 0, false);

    private final Ledger ledger;
    private final TierProjection tiers;
    private final OrderRepository orders;
    private final EventPublisher events;
    private final OrderMetrics metrics;
    private final Idempotency idempotency;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PointsProperties properties;
    private final EarningRisk risk;

    OrderAcceptance(
            Ledger ledger,
            TierProjection tiers,
            OrderRepository orders,
            EventPublisher events,
            OrderMetrics metrics,
            Idempotency idempotency,
            TransactionTemplate tx,
            Clock clock,
            PointsProperties properties,
            EarningRisk risk) {
        this.risk = risk;
        this.idempotency = idempotency;
        this.tx = tx;
        this.ledger = ledger;
        this.tiers = tiers;
        this.orders = orders;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    OrderReceipt accept(BusinessUnit bu, OrderRequest request) {
        Instant now = clock.instant();
        LocalDate day = ledger.businessDay(now);
        MemberAccount account = ledger.lock(request.memberId());
        Earning computed = earningOf(bu, request, tiers.multiplierOf(request.memberId()), account, day);
        OrderRisk stopped = risk.judge(bu.code(), request, computed, now);
        Earning earning = stopped == null ? computed : NOTHING;
        if (stopped == OrderRisk.PENDING_REVIEW) {
            // parked points take their share of today's cap now, as if credited: approved, they are not counted again
            account = ledger.countOnCap(account, day, computed.points());
        }
        orders.insert(stored(bu, request, earning, ledger.lotExpiryFor(now)), now);
        Earned earned =
                earning.points() > 0 ? ledger.earn(account, bu.code(), request.orderId(), earning.points(), day) : null;
        return completed(bu, request, earning, earned, stopped);
    }

    /**
     * Accepts a batch of orders in one transaction (group commit, decision 0018): one statement per table for all of
     * them, each order decided exactly as {@link #accept} decides it, in arrival order, so a member's later orders
     * see the earlier ones' points. Returns a result per order; {@code null} for one the batch left out (its key was
     * taken: a replay, or a call with that key in progress) and for every order if the batch failed (a member's
     * balance opened meanwhile, a deadlock, the database away): the caller then takes those one by one, with the
     * usual idempotency.
     */
    List<@Nullable IdempotentResult<OrderReceipt>> acceptAll(List<Submitted> batch) {
        try {
            List<@Nullable IdempotentResult<OrderReceipt>> results = tx.execute(status -> acceptTogether(batch));
            metrics.batched(batch.size());
            return results;
        } catch (RuntimeException failed) {
            metrics.batchGaveWay(batch.size());
            log.info("a batch of {} orders gave way, each is taken on its own: {}", batch.size(), failed.toString());
            return Collections.nCopies(batch.size(), null);
        }
    }

    private List<@Nullable IdempotentResult<OrderReceipt>> acceptTogether(List<Submitted> batch) {
        List<@Nullable IdempotentResult<OrderReceipt>> results =
                new ArrayList<>(Collections.nCopies(batch.size(), null));
        // one call per key in a batch: a second one with the same key replays the first, on its own, after it
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Idempotency.Claim claim = batch.get(i).claim();
            byKey.putIfAbsent(claim.scope() + '\n' + claim.key(), i);
        }
        List<Integer> first = new ArrayList<>(byKey.values());
        Set<Idempotency.Claim> taken = idempotency.claimAll(
                first.stream().map(i -> batch.get(i).claim()).toList());
        List<Integer> accepted = first.stream()
                .filter(i -> !taken.contains(batch.get(i).claim()))
                .toList();
        if (accepted.isEmpty()) {
            return results;
        }
        Instant now = clock.instant();
        LocalDate day = ledger.businessDay(now);
        Instant lotExpiry = ledger.lotExpiryFor(now);
        Set<String> memberIds = new LinkedHashSet<>();
        accepted.forEach(i -> memberIds.add(batch.get(i).request().memberId()));
        EarningBatch credits = ledger.earnings(ledger.lockAll(memberIds));
        Map<String, BigDecimal> multipliers = tiers.multipliersOf(memberIds);
        List<StoredOrder> stored = new ArrayList<>(accepted.size());
        List<Idempotency.Recorded> recorded = new ArrayList<>(accepted.size());
        for (int i : accepted) {
            BusinessUnit bu = batch.get(i).bu();
            OrderRequest request = batch.get(i).request();
            String memberId = request.memberId();
            Earning computed = earningOf(
                    bu, request, multipliers.getOrDefault(memberId, BigDecimal.ONE), credits.account(memberId), day);
            OrderRisk stopped = risk.judge(bu.code(), request, computed, now);
            Earning earning = stopped == null ? computed : NOTHING;
            if (stopped == OrderRisk.PENDING_REVIEW) {
                credits.countOnCap(memberId, day, computed.points());
            }
            stored.add(stored(bu, request, earning, lotExpiry));
            Earned earned = earning.points() > 0
                    ? credits.earn(memberId, bu.code(), request.orderId(), earning.points(), day)
                    : null;
            OrderReceipt receipt = completed(bu, request, earning, earned, stopped);
            recorded.add(new Idempotency.Recorded(batch.get(i).claim(), HttpStatus.CREATED.value(), receipt));
            results.set(i, new IdempotentResult<>(HttpStatus.CREATED.value(), receipt, false));
        }
        orders.insertAll(stored, now);
        credits.write();
        idempotency.recordAll(recorded);
        return results;
    }

    private Earning earningOf(
            BusinessUnit bu, OrderRequest request, BigDecimal multiplier, MemberAccount account, LocalDate day) {
        return EarnRule.apply(request.amountFen(), bu, multiplier, account.earnedOn(day), properties.dailyCap());
    }

    private static StoredOrder stored(BusinessUnit bu, OrderRequest request, Earning earning, Instant lotExpiry) {
        return new StoredOrder(
                bu.code(),
                request.orderId(),
                request.memberId(),
                request.amountFen(),
                request.category(),
                request.occurredAt(),
                earning.points(),
                earning.growth(),
                earning.capped(),
                lotExpiry,
                0,
                0);
    }

    /**
     * Records the order's events and counts it; the points, if any, are credited as {@code earned}. An order risk
     * control {@code stopped} has no events: it earned nothing, and growth and rewards are earned on them.
     */
    private OrderReceipt completed(
            BusinessUnit bu,
            OrderRequest request,
            Earning earning,
            @Nullable Earned earned,
            @Nullable OrderRisk stopped) {
        if (stopped != null) {
            metrics.accepted(bu.code(), 0);
            return new OrderReceipt(request.orderId(), 0, 0, false, stopped);
        }
        if (earned != null) {
            events.publish(new PointsEarned(
                    request.memberId(),
                    earned.transferId(),
                    bu.code(),
                    request.orderId(),
                    earned.points(),
                    earning.capped(),
                    earned.expiresAt(),
                    earned.balance()));
        }
        events.publish(new OrderCompleted(
                request.memberId(),
                bu.code(),
                request.orderId(),
                request.amountFen(),
                request.category(),
                request.occurredAt(),
                earning.points()));
        metrics.accepted(bu.code(), earning.points());
        return new OrderReceipt(request.orderId(), earning.points(), earning.growth(), earning.capped());
    }
}
