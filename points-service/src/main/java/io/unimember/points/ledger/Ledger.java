package io.unimember.points.ledger;

import io.unimember.common.events.PointsBalance;
import io.unimember.common.events.SpentLot;
import io.unimember.points.PointsProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger, the one way other features change points. A change starts with {@link #lock} (the member's
 * balance row, locked until the transaction ends), then posts one operation from that handle: the transfers, the
 * lots and the guarded balance update are written in the caller's transaction, and the result carries the
 * balance snapshot its event needs. Changes without a transaction are refused.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class Ledger {

    private final BalanceRepository balances;
    private final TransferRepository transfers;
    private final LotRepository lots;
    private final Earnings earnings;
    private final Freezes freezes;
    private final Expiries expiries;
    private final Returns returns;
    private final Posting posting;
    private final Clock clock;
    private final PointsProperties properties;

    Ledger(
            BalanceRepository balances,
            TransferRepository transfers,
            LotRepository lots,
            Earnings earnings,
            Freezes freezes,
            Expiries expiries,
            Returns returns,
            Posting posting,
            Clock clock,
            PointsProperties properties) {
        this.balances = balances;
        this.transfers = transfers;
        this.lots = lots;
        this.earnings = earnings;
        this.freezes = freezes;
        this.expiries = expiries;
        this.returns = returns;
        this.posting = posting;
        this.clock = clock;
        this.properties = properties;
    }

    /** Locks a member's balance, opening it at zero if the member has none yet. */
    public MemberAccount lock(String memberId) {
        return balances.lock(memberId)
                .orElseGet(() -> balances.createLocked(memberId, clock.instant())
                        ? MemberAccount.empty(memberId)
                        : balances.lock(memberId).orElseThrow());
    }

    /**
     * Locks the balances of many members at once (order intake's group commit), opening missing ones at zero, with
     * one statement for the existing rows and one for the new. A member whose balance another transaction opened
     * meanwhile fails it with {@link org.springframework.dao.DuplicateKeyException}.
     */
    public Map<String, MemberAccount> lockAll(Collection<String> memberIds) {
        Map<String, MemberAccount> locked = new HashMap<>();
        for (MemberAccount account : balances.lockAll(memberIds)) {
            locked.put(account.memberId(), account);
        }
        List<String> missing =
                memberIds.stream().filter(id -> !locked.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            balances.createAll(missing, clock.instant());
            missing.forEach(id -> locked.put(id, MemberAccount.empty(id)));
        }
        return locked;
    }

    /** Starts crediting many orders' points to balances locked by {@link #lockAll}; see {@link EarningBatch}. */
    public EarningBatch earnings(Map<String, MemberAccount> locked) {
        List<String> withLots = locked.values().stream()
                .filter(a -> a.version() > 0)
                .map(MemberAccount::memberId)
                .toList();
        return new EarningBatch(
                locked, lots.openOf(withLots), earnings, posting, lots, transfers, balances, clock.instant());
    }

    /** Locks a member's balance if there is one; a member without one has no points to spend. */
    public Optional<MemberAccount> lockExisting(String memberId) {
        return balances.lock(memberId);
    }

    /** The business day a moment falls on, for the daily cap. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public LocalDate businessDay(Instant at) {
        return LocalDate.ofInstant(at, properties.zone());
    }

    /** When points credited at a moment will expire. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Instant lotExpiryFor(Instant earnedAt) {
        return earnings.lotExpiryFor(earnedAt);
    }

    /** Credits an order's points (at least one): BU issuance to the member, debt first; counted on {@code day}'s cap. */
    public Earned earn(MemberAccount account, String bu, String orderId, long points, LocalDate day) {
        requirePositive(points);
        return earnings.earn(account, bu, orderId, points, day);
    }

    /**
     * Credits points already counted on a day's cap ({@link #countOnCap}, when risk control parked them): as {@link
     * #earn}, on no day's cap again.
     */
    public Earned earnCounted(MemberAccount account, String bu, String orderId, long points) {
        requirePositive(points);
        return earnings.earn(account, bu, orderId, points, null);
    }

    /**
     * Counts points on {@code day}'s cap without crediting them (an earning parked for review: the member's later
     * orders that day see the cap it takes), or, with negative {@code points}, stops counting them (the review
     * dropped them). A day that is no longer the member's cap day has nothing to take back.
     */
    public MemberAccount countOnCap(MemberAccount account, LocalDate day, long points) {
        if (points == 0 || (points < 0 && !day.equals(account.capDay()))) {
            return account;
        }
        return balances.apply(account, BalanceChange.capOnly(account, day, points), clock.instant());
    }

    /** Reverses points for a refund, preferring the order's own lot; what was already spent becomes debt. */
    public Reversed reverse(MemberAccount account, String bu, String refundId, long points, Instant orderLotExpiry) {
        requirePositive(points);
        return earnings.reverse(account, bu, refundId, points, orderLotExpiry);
    }

    /** What these confirmed holds of one BU spent, and how much of it refunds gave back so far. */
    public SpentOnOrder spentOn(String bu, Collection<String> holdIds) {
        return holdIds.isEmpty() ? SpentOnOrder.NOTHING : returns.spentOn(bu, holdIds);
    }

    /** Gives points spent by these holds back for a refund, to their lots or, where those expired, to expiry. */
    public Returned giveBack(
            MemberAccount account, String bu, String refundId, Collection<String> holdIds, long points) {
        requirePositive(points);
        return returns.giveBack(account, bu, refundId, holdIds, points);
    }

    /** Freezes points for a hold, or fails with 409 POINTS_INSUFFICIENT. */
    public Posted freeze(MemberAccount account, String bu, String holdId, long points) {
        requirePositive(points);
        return freezes.freeze(account, bu, holdId, points);
    }

    public Spent spend(MemberAccount account, String bu, String holdId, long points) {
        return freezes.spend(account, bu, holdId, points);
    }

    public Posted release(MemberAccount account, String bu, String holdId, long points) {
        return freezes.release(account, bu, holdId, points);
    }

    /** Expires the member's lots whose date has come; empty when there were none (e.g. another run took them). */
    public Optional<Expired> expire(MemberAccount account) {
        return expiries.expire(account);
    }

    @Transactional(readOnly = true)
    public List<SpentLot> spentLots(String bu, String holdId, long points) {
        return freezes.spentLots(bu, holdId, points);
    }

    @Transactional(readOnly = true)
    public List<String> membersWithExpiredLots(int limit) {
        return expiries.membersWithExpiredLots(limit);
    }

    /** A member's balance now (zero for a member who never earned), read without locking. */
    @Transactional(readOnly = true)
    public PointsBalance balanceOf(String memberId) {
        MemberAccount account = balances.find(memberId).orElseGet(() -> MemberAccount.empty(memberId));
        return posting.snapshot(account, lots.open(memberId));
    }

    /** A member's transfers, newest first, older than {@code beforeSeq}. */
    @Transactional(readOnly = true)
    public List<TransferView> history(String memberId, long beforeSeq, int limit) {
        return transfers.history(memberId, beforeSeq, limit);
    }

    static void requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("a ledger operation moves at least one point: " + points);
        }
    }
}
