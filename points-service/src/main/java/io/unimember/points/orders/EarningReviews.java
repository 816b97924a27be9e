package io.unimember.points.orders;

import io.unimember.common.events.OrderCompleted;
import io.unimember.common.events.PointsEarned;
import io.unimember.common.events.RiskReviewDecided;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.points.ledger.Earned;
import io.unimember.points.ledger.Ledger;
import io.unimember.points.ledger.MemberAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out an operator's decision on an earning a large-earning review parked ({@link EarningRisk}). Approved:
 * the points are credited to the member through the ledger as an order's are, with the events an earning order
 * publishes ({@code points.earned}, then {@code order.completed}, which growth is earned on); whatever share of the
 * order was refunded while it waited is left out, and recorded on the order as reversed, so later refunds reverse
 * exactly the rest. Rejected: nothing is credited. Approved while the member is frozen: nothing is credited either
 * ({@code FROZEN}), as a frozen member's orders earn nothing. Each parked earning is decided once: the row leaves
 * PENDING under its lock.
 *
 * <p>The daily cap: parked points were counted on the cap of the day their order was taken, when it was parked
 * ({@link OrderAcceptance}), so the member's other orders that day could not earn past the cap meanwhile. Credited,
 * they are not counted again; dropped, they stop counting, if that day is still the member's cap day.
 */
@Component
class EarningReviews {

    private static final Logger log = LoggerFactory.getLogger(EarningReviews.class);
    private static final int DECIDED_BY_MAX = 64;

    private final Ledger ledger;
    private final OrderRepository orders;
    private final ParkedEarningRepository parked;
    private final EventPublisher events;
    private final OrderMetrics metrics;
    private final FrozenMembers frozen;
    private final Clock clock;

    EarningReviews(
            Ledger ledger,
            OrderRepository orders,
            ParkedEarningRepository parked,
            EventPublisher events,
            OrderMetrics metrics,
            FrozenMembers frozen,
            Clock clock) {
        this.frozen = frozen;
        this.ledger = ledger;
        this.orders = orders;
        this.parked = parked;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Applies the decision, in the transaction of its event; a review decided already changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    void decided(RiskReviewDecided decided) {
        Optional<ParkedEarningRepository.Parked> seen = parked.find(decided.reviewId());
        if (seen.isEmpty()) {
            log.warn(
                    "review {} of {} decided, but no earning is parked under it; nothing to do",
                    decided.reviewId(),
                    decided.subjectRef());
            return;
        }
        if (seen.get().status() != ParkedEarningRepository.Status.PENDING) {
            return;
        }
        Instant now = clock.instant();
        String decidedBy = decidedBy(decided.decidedBy());
        // the member's lock first, as every change of the member's points takes it, then the parked row's
        MemberAccount account = ledger.lock(seen.get().memberId());
        ParkedEarningRepository.Parked earning = parked.lock(decided.reviewId()).orElseThrow();
        if (earning.status() != ParkedEarningRepository.Status.PENDING) {
            return;
        }
        if (!decided.approved() || frozen.isFrozen(earning.memberId())) {
            ParkedEarningRepository.Status dropped = decided.approved()
                    ? ParkedEarningRepository.Status.FROZEN
                    : ParkedEarningRepository.Status.REJECTED;
            if (dropped == ParkedEarningRepository.Status.FROZEN) {
                log.info(
                        "review {} approved the earning of order {}/{}, but member {} is frozen: nothing credited",
                        earning.reviewId(),
                        earning.bu(),
                        earning.orderId(),
                        earning.memberId());
            }
            ledger.countOnCap(account, ledger.businessDay(earning.parkedAt()), -earning.points());
            parked.decide(earning.reviewId(), dropped, 0, decidedBy, now);
            return;
        }
        StoredOrder order = orders.lock(earning.bu(), earning.orderId())
                .orElseThrow(() -> new IllegalStateException(
                        "parked earning " + earning.reviewId() + " has no order " + earning.orderId()));
        long refundedShare = RefundProcessing.share(earning.points(), order.refundedFen(), order.amountFen());
        long credit = earning.points() - refundedShare;
        Earned earned = credit > 0 ? ledger.earnCounted(account, earning.bu(), earning.orderId(), credit) : null;
        Instant lotExpiry = earned != null ? earned.expiresAt() : order.lotExpiresAt();
        if (!orders.recordApprovedEarning(order, earning.points(), earning.growth(), refundedShare, lotExpiry)) {
            throw new IllegalStateException(
                    "order " + earning.bu() + "/" + earning.orderId() + " changed under its lock");
        }
        if (!parked.decide(earning.reviewId(), ParkedEarningRepository.Status.APPROVED, credit, decidedBy, now)) {
            throw new IllegalStateException("parked earning " + earning.reviewId() + " changed under its lock");
        }
        published(order, earned, earning.capped());
        metrics.earnedOnApproval(earning.bu(), credit);
    }

    private void published(StoredOrder order, @Nullable Earned earned, boolean capped) {
        if (earned != null) {
            events.publish(new PointsEarned(
                    order.memberId(),
                    earned.transferId(),
                    order.bu(),
                    order.orderId(),
                    earned.points(),
                    capped,
                    earned.expiresAt(),
                    earned.balance()));
        }
        events.publish(new OrderCompleted(
                order.memberId(),
                order.bu(),
                order.orderId(),
                order.amountFen(),
                order.category(),
                order.occurredAt(),
                earned != null ? earned.points() : 0));
    }

    private static String decidedBy(@Nullable String decidedBy) {
        if (decidedBy == null || decidedBy.isBlank()) {
            return "unknown";
        }
        return decidedBy.length() > DECIDED_BY_MAX ? decidedBy.substring(0, DECIDED_BY_MAX) : decidedBy;
    }
}
