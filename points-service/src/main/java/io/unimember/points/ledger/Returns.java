package io.unimember.points.ledger;

import static io.unimember.points.ledger.AccountType.EXPIRY;
import static io.unimember.points.ledger.AccountType.MEMBER_AVAILABLE;
import static io.unimember.points.ledger.AccountType.REDEMPTION;

import io.unimember.common.events.RefundedLot;
import io.unimember.points.ledger.LotRepository.GivenBack;
import io.unimember.points.ledger.LotRepository.SpentAllocation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Giving spent points back for a refund (decision 0036). The points go back on the allocations of the order's
 * confirmed holds, latest expiry first (the last lot taken is the first one refilled, as if the spending were
 * undone), never more on one allocation than it took. A lot still valid gets its points back with its own expiry; a
 * lot whose expiry has passed cannot, so its share moves from the redemption sink to the expiry sink of its issuing
 * BU, as if it had expired unspent. Runs under the member's lock, which every change of these allocations takes.
 */
@Component
class Returns {

    private final LotRepository lots;
    private final Posting posting;
    private final Clock clock;

    Returns(LotRepository lots, Posting posting, Clock clock) {
        this.lots = lots;
        this.posting = posting;
        this.clock = clock;
    }

    SpentOnOrder spentOn(String bu, Collection<String> holdIds) {
        List<SpentAllocation> spent = lots.spentAllocations(bu, holdIds);
        return new SpentOnOrder(
                spent.stream().mapToLong(SpentAllocation::points).sum(),
                spent.stream().mapToLong(SpentAllocation::returned).sum());
    }

    Returned giveBack(MemberAccount account, String bu, String refundId, Collection<String> holdIds, long points) {
        Instant now = clock.instant();
        List<GivenBack> given = pick(lots.spentAllocations(bu, holdIds), points);
        lots.markReturned(bu, given);
        List<Allocation> refill = new ArrayList<>();
        Map<String, Long> redeemedBy = new LinkedHashMap<>();
        Map<String, Long> expiredBy = new LinkedHashMap<>();
        Map<RefundedLot, Long> byLot = new LinkedHashMap<>();
        for (GivenBack g : given) {
            boolean expired = !g.expiresAt().isAfter(now);
            redeemedBy.merge(g.issuingBu(), g.points(), Long::sum);
            if (expired) {
                expiredBy.merge(g.issuingBu(), g.points(), Long::sum);
            } else {
                refill.add(new Allocation(g.lotId(), g.issuingBu(), g.expiresAt(), g.points()));
            }
            byLot.merge(new RefundedLot(g.issuingBu(), g.expiresAt(), 0, expired), g.points(), Long::sum);
        }
        lots.restore(refill, now);
        long toMember = refill.stream().mapToLong(Allocation::points).sum();
        Transfer.Builder transfer = Transfer.of(TransferKind.RETURN, account.memberId(), bu, refundId, points)
                .member(MEMBER_AVAILABLE, toMember);
        redeemedBy.forEach((issuer, share) -> transfer.leg(REDEMPTION, issuer, -share));
        expiredBy.forEach((issuer, share) -> transfer.leg(EXPIRY, issuer, share));
        Transfer built = transfer.build();
        List<RefundedLot> refunded = byLot.entrySet().stream()
                .map(e -> new RefundedLot(
                        e.getKey().issuingBu(),
                        e.getKey().expiresAt(),
                        e.getValue(),
                        e.getKey().expired()))
                .toList();
        OpenLots open = lots.open(account.memberId());
        return new Returned(
                built.transferId(),
                points,
                toMember,
                points - toMember,
                refunded,
                posting.post(account, List.of(built), BalanceChange.of(toMember, 0), open, now));
    }

    /** The allocations to give {@code points} back on, in the order given; fails if they cannot take them all. */
    static List<GivenBack> pick(List<SpentAllocation> spent, long points) {
        List<GivenBack> given = new ArrayList<>();
        long left = points;
        for (SpentAllocation a : spent) {
            long share = Math.min(left, a.returnable());
            if (share > 0) {
                given.add(a.giveBack(share));
                left -= share;
            }
        }
        if (left > 0) {
            throw new IllegalStateException(
                    "the holds have " + (points - left) + " points to give back, not " + points);
        }
        return given;
    }
}
