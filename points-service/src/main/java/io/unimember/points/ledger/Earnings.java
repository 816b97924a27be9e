package io.unimember.points.ledger;

import static io.unimember.points.ledger.AccountType.BU_ISSUANCE;
import static io.unimember.points.ledger.AccountType.MEMBER_AVAILABLE;
import static io.unimember.points.ledger.AccountType.MEMBER_DEBT;

import io.unimember.points.PointsProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Crediting an order's points (paying off any refund shortfall first) and reversing them on a refund (taking what
 * is available, owing the rest).
 */
@Component
class Earnings {

    private final LotRepository lots;
    private final Posting posting;
    private final Clock clock;
    private final PointsProperties properties;

    Earnings(LotRepository lots, Posting posting, Clock clock, PointsProperties properties) {
        this.lots = lots;
        this.posting = posting;
        this.clock = clock;
        this.properties = properties;
    }

    Instant lotExpiryFor(Instant earnedAt) {
        return LotExpiry.of(earnedAt, properties.zone(), properties.lotValidityMonths());
    }

    /**
     * What crediting an order's points to a locked balance does, decided in memory: debt is paid off first, the
     * rest becomes available in the lot of this BU and expiry. {@link #earn} writes it at once; an {@link
     * EarningBatch} writes many together.
     */
    record Credit(long recovered, long credited, Instant expiresAt, List<Transfer> transfers, BalanceChange change) {

        String transferId() {
            return transfers.getFirst().transferId();
        }
    }

    /** {@code day} is the business day whose cap the points count on; null: they were counted already. */
    Credit decide(MemberAccount account, String bu, String orderId, long points, @Nullable LocalDate day, Instant now) {
        Instant expiresAt = lotExpiryFor(now);
        long recovered = Math.min(points, account.debt());
        long credited = points - recovered;
        List<Transfer> posted = new ArrayList<>(2);
        posted.add(Transfer.of(TransferKind.EARN, account.memberId(), bu, orderId, points)
                .leg(BU_ISSUANCE, bu, -points)
                .member(MEMBER_AVAILABLE, points)
                .build());
        if (recovered > 0) {
            posted.add(Transfer.of(TransferKind.RECOVERY, account.memberId(), bu, orderId, recovered)
                    .member(MEMBER_AVAILABLE, -recovered)
                    .member(MEMBER_DEBT, recovered)
                    .build());
        }
        var change = day == null
                ? new BalanceChange(credited, 0, points, -recovered, null, 0)
                : new BalanceChange(credited, 0, points, -recovered, day, account.earnedOn(day) + points);
        return new Credit(recovered, credited, expiresAt, posted, change);
    }

    Earned earn(MemberAccount account, String bu, String orderId, long points, @Nullable LocalDate day) {
        Instant now = clock.instant();
        Credit credit = decide(account, bu, orderId, points, day, now);
        OpenLots open = lots.open(account);
        if (credit.credited() > 0) {
            long lotId = lots.credit(account.memberId(), open, bu, credit.expiresAt(), credit.credited(), now);
            open.credit(lotId, bu, credit.expiresAt(), credit.credited());
        }
        return new Earned(
                credit.transferId(),
                points,
                credit.recovered(),
                credit.expiresAt(),
                posting.post(account, credit.transfers(), credit.change(), open, now));
    }

    Reversed reverse(MemberAccount account, String bu, String refundId, long points, Instant orderLotExpiry) {
        Instant now = clock.instant();
        long taken = Math.min(points, account.available());
        long shortfall = points - taken;
        OpenLots open = lots.open(account.memberId());
        // the order's own lot gives its points back first; what it no longer holds comes from the oldest lots
        List<Allocation> fromLots = open.take(taken, lot -> lot.bu.equals(bu) && lot.expiresAt.equals(orderLotExpiry));
        lots.take(fromLots, now);
        Transfer reversal = Transfer.of(TransferKind.REVERSAL, account.memberId(), bu, refundId, points)
                .member(MEMBER_AVAILABLE, -taken)
                .member(MEMBER_DEBT, -shortfall)
                .leg(BU_ISSUANCE, bu, points)
                .build();
        var change = new BalanceChange(-taken, 0, -points, shortfall, null, 0);
        return new Reversed(
                reversal.transferId(),
                points,
                taken,
                shortfall,
                posting.post(account, List.of(reversal), change, open, now));
    }
}
