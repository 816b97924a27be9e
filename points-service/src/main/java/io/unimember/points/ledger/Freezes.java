package io.unimember.points.ledger;

import static io.unimember.points.ledger.AccountType.MEMBER_AVAILABLE;
import static io.unimember.points.ledger.AccountType.MEMBER_FROZEN;
import static io.unimember.points.ledger.AccountType.REDEMPTION;

import io.unimember.common.events.SpentLot;
import io.unimember.common.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The ledger side of two-phase spending. Freezing takes points from the oldest lots and remembers which; spending
 * charges those lots' issuing BUs; releasing puts the points back into the same lots.
 */
@Component
class Freezes {

    private final LotRepository lots;
    private final Posting posting;
    private final Clock clock;

    Freezes(LotRepository lots, Posting posting, Clock clock) {
        this.lots = lots;
        this.posting = posting;
        this.clock = clock;
    }

    Posted freeze(MemberAccount account, String bu, String holdId, long points) {
        if (account.available() < points) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "POINTS_INSUFFICIENT",
                    "the member has " + account.available() + " points available, " + points + " were asked for",
                    Map.of("available", account.available()));
        }
        Instant now = clock.instant();
        OpenLots open = lots.open(account.memberId());
        List<Allocation> taken = open.takeOldest(points);
        lots.take(taken, now);
        lots.saveAllocations(bu, holdId, taken);
        Transfer hold = Transfer.of(TransferKind.HOLD, account.memberId(), bu, holdId, points)
                .member(MEMBER_AVAILABLE, -points)
                .member(MEMBER_FROZEN, points)
                .build();
        return new Posted(
                hold.transferId(),
                points,
                posting.post(account, List.of(hold), BalanceChange.of(-points, points), open, now));
    }

    Spent spend(MemberAccount account, String bu, String holdId, long points) {
        Instant now = clock.instant();
        List<SpentLot> byIssuer = byIssuingBu(lots.allocations(bu, holdId), points);
        Transfer.Builder redeem = Transfer.of(TransferKind.REDEEM, account.memberId(), bu, holdId, points)
                .member(MEMBER_FROZEN, -points);
        byIssuer.forEach(lot -> redeem.leg(REDEMPTION, lot.issuingBu(), lot.points()));
        Transfer transfer = redeem.build();
        OpenLots open = lots.open(account.memberId());
        return new Spent(
                transfer.transferId(),
                points,
                byIssuer,
                posting.post(account, List.of(transfer), BalanceChange.of(0, -points), open, now));
    }

    Posted release(MemberAccount account, String bu, String holdId, long points) {
        Instant now = clock.instant();
        List<Allocation> allocations = lots.allocations(bu, holdId);
        requireTotal(allocations, points);
        lots.restore(allocations, now);
        Transfer release = Transfer.of(TransferKind.RELEASE, account.memberId(), bu, holdId, points)
                .member(MEMBER_FROZEN, -points)
                .member(MEMBER_AVAILABLE, points)
                .build();
        OpenLots open = lots.open(account.memberId());
        return new Posted(
                release.transferId(),
                points,
                posting.post(account, List.of(release), BalanceChange.of(points, -points), open, now));
    }

    /** The issuing BUs of a hold's points, in the order their lots were taken. */
    List<SpentLot> spentLots(String bu, String holdId, long points) {
        return byIssuingBu(lots.allocations(bu, holdId), points);
    }

    private static List<SpentLot> byIssuingBu(List<Allocation> allocations, long points) {
        requireTotal(allocations, points);
        Map<String, Long> byBu = new LinkedHashMap<>();
        allocations.forEach(a -> byBu.merge(a.bu(), a.points(), Long::sum));
        return byBu.entrySet().stream()
                .map(e -> new SpentLot(e.getKey(), e.getValue()))
                .toList();
    }

    private static void requireTotal(List<Allocation> allocations, long points) {
        long total = allocations.stream().mapToLong(Allocation::points).sum();
        if (total != points) {
            throw new IllegalStateException("hold allocations add up to " + total + ", not " + points);
        }
    }
}
