package io.unimember.settlement.journal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A refund undoing a benefit the journal posted (decision 0038): a returned coupon undoes its redemption's posting, a
 * points refund undoes its share of the order's points postings.
 *
 * @param sourceRef the coupon id (coupon.returned) or the order id (points.refunded)
 * @param spendingBu the BU whose order was refunded, the one that was owed
 * @param pointsByIssuer for points: the points given back, per issuing BU (the owing party of the original items)
 */
record Reversal(
        UUID eventId,
        String eventType,
        Kind kind,
        String sourceRef,
        String memberId,
        String spendingBu,
        Map<String, Long> pointsByIssuer,
        Instant reversedAt)
        implements JournalEntry {

    enum Kind {
        COUPON_RETURNED,
        POINTS_REFUNDED
    }
}
