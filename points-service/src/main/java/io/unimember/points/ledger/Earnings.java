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

    Earned earn(MemberAccount account, String bu, String orderId, long points, LocalDate day) {
        Instant now = clock.instant();
        Instant expiresAt = lotExpiryFor(now);
        long recovered = Math.min(points, account.debt());
        long credited = points - recovered;
        OpenLots open = lots.open(account);
        if (credited > 0) {
            long lotId = lots.credit(account.memberId(), open, bu, expiresAt, credited, now);
            open.credit(lotId, bu, expiresAt, credited);
        }
        List<Transfer> posted = new ArrayList<>(2);
        Transfer earning = Transfer.of(TransferKind.EARN, account.memberId(), bu, orderId, points)
                .leg(BU_ISSUANCE, bu, -points)
                .member(MEMBER_AVAILABLE, points)
                .build();
        posted.add(earning);
        if (recovered > 0) {
            posted.add(Transfer.of(TransferKind.RECOVERY, account.memberId(), bu, orderId, recovered)
                    .member(MEMBER_AVAILABLE, -recovered)
                    .member(MEMBER_DEBT, recovered)
                    .build());
        }
        var change = new BalanceChange(credited, 0, points, -recovered, day, account.earnedOn(day) + points);
        return new Earned(
                earning.transferId(), points, recovered, expiresAt, posting.post(account, posted, change, open, now));
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
