package io.unimember.points.ledger;

import static io.unimember.points.ledger.AccountType.EXPIRY;
import static io.unimember.points.ledger.AccountType.MEMBER_AVAILABLE;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Expiring a member's lots whose date has come. Run under the member's lock, it finds nothing left to do when
 * another run (here or on another instance) got there first, so running it twice is harmless.
 */
@Component
class Expiries {

    /** Expiry transfers belong to no BU's operation; the transfer id is their reference. */
    static final String NO_BU = "";

    private final LotRepository lots;
    private final Posting posting;
    private final Clock clock;

    Expiries(LotRepository lots, Posting posting, Clock clock) {
        this.lots = lots;
        this.posting = posting;
        this.clock = clock;
    }

    List<String> membersWithExpiredLots(int limit) {
        return lots.membersWithExpiredLots(clock.instant(), limit);
    }

    Optional<Expired> expire(MemberAccount account) {
        Instant now = clock.instant();
        OpenLots open = lots.open(account.memberId());
        List<Allocation> expired = open.takeExpired(now);
        if (expired.isEmpty()) {
            return Optional.empty();
        }
        lots.take(expired, now);
        long points = expired.stream().mapToLong(Allocation::points).sum();
        Map<String, Long> byBu = new LinkedHashMap<>();
        expired.forEach(a -> byBu.merge(a.bu(), a.points(), Long::sum));
        String transferId = TransferIds.next();
        Transfer.Builder expiry = Transfer.of(TransferKind.EXPIRE, account.memberId(), NO_BU, transferId, points)
                .id(transferId)
                .member(MEMBER_AVAILABLE, -points);
        byBu.forEach((bu, share) -> expiry.leg(EXPIRY, bu, share));
        Instant expiredAt = expired.stream()
                .map(Allocation::expiresAt)
                .max(Instant::compareTo)
                .orElseThrow();
        return Optional.of(new Expired(
                transferId,
                points,
                expiredAt,
                posting.post(account, List.of(expiry.build()), BalanceChange.of(-points, 0), open, now)));
    }
}
