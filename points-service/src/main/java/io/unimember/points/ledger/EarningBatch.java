package io.unimember.points.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Many orders' points credited in one transaction (order intake's group commit). Each {@link #earn} is decided in
 * memory on the locked balances by the same rule as {@link Ledger#earn} — a member's later orders in the batch see
 * the earlier ones' points, for the daily cap and the debt — and {@link #write} then writes them all: one statement
 * for the lots, one each for the transfers and their entries, and one guarded update per member, sent together.
 * Made by {@link Ledger#earnings}; one per transaction, used by one thread.
 */
public final class EarningBatch {

    private static final class Member {
        final MemberAccount before;
        final OpenLots lots;
        MemberAccount now;

        Member(MemberAccount before, OpenLots lots) {
            this.before = before;
            this.lots = lots;
            this.now = before;
        }
    }

    private record LotKey(String memberId, String bu, Instant expiresAt) {}

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final Map<LotKey, Long> lotCredits = new LinkedHashMap<>();
    private final Earnings earnings;
    private final Posting posting;
    private final LotRepository lots;
    private final TransferRepository transferRepository;
    private final BalanceRepository balances;
    private final Instant now;
    private boolean written;

    EarningBatch(
            Map<String, MemberAccount> locked,
            Map<String, List<OpenLots.Lot>> openLots,
            Earnings earnings,
            Posting posting,
            LotRepository lots,
            TransferRepository transferRepository,
            BalanceRepository balances,
            Instant now) {
        locked.forEach((id, account) ->
                members.put(id, new Member(account, new OpenLots(openLots.getOrDefault(id, List.of())))));
        this.earnings = earnings;
        this.posting = posting;
        this.lots = lots;
        this.transferRepository = transferRepository;
        this.balances = balances;
        this.now = now;
    }

    /** The member's balance with what this batch credited so far. */
    public MemberAccount account(String memberId) {
        return member(memberId).now;
    }

    /** Credits an order's points (at least one): decided now, written by {@link #write}. */
    public Earned earn(String memberId, String bu, String orderId, long points, LocalDate day) {
        Ledger.requirePositive(points);
        if (written) {
            throw new IllegalStateException("this batch has been written");
        }
        Member member = member(memberId);
        Earnings.Credit credit = earnings.decide(member.now, bu, orderId, points, day, now);
        if (credit.credited() > 0) {
            lotCredits.merge(new LotKey(memberId, bu, credit.expiresAt()), credit.credited(), Long::sum);
            // a new lot's id is not known before the write; a balance snapshot does not need it
            member.lots.credit(0, bu, credit.expiresAt(), credit.credited());
        }
        transfers.addAll(credit.transfers());
        member.now = member.now.with(credit.change());
        return new Earned(
                credit.transferId(),
                points,
                credit.recovered(),
                credit.expiresAt(),
                posting.snapshot(member.now, member.lots));
    }

    /** Counts points on {@code day}'s cap without crediting them, as {@link Ledger#countOnCap}; written by {@link #write}. */
    public void countOnCap(String memberId, LocalDate day, long points) {
        if (written) {
            throw new IllegalStateException("this batch has been written");
        }
        Member member = member(memberId);
        member.now = member.now.with(BalanceChange.capOnly(member.now, day, points));
    }

    /** Writes everything credited, in the caller's transaction. */
    public void write() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a batch is written inside the transaction that locked its balances");
        }
        written = true;
        lots.creditAll(
                lotCredits.entrySet().stream()
                        .map(e -> new LotRepository.LotCredit(
                                e.getKey().memberId(),
                                e.getKey().bu(),
                                e.getKey().expiresAt(),
                                e.getValue()))
                        .toList(),
                now);
        if (!transfers.isEmpty()) {
            transferRepository.insert(transfers, now);
        }
        balances.applyAll(
                members.values().stream()
                        .filter(m -> m.now != m.before)
                        .map(m -> new BalanceRepository.Applied(m.before, m.now))
                        .toList(),
                now);
    }

    private Member member(String memberId) {
        Member member = members.get(memberId);
        if (member == null) {
            throw new IllegalArgumentException("not locked by this batch: " + memberId);
        }
        return member;
    }
}
