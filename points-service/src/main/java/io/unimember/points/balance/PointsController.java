package io.unimember.points.balance;

import io.unimember.common.events.ExpiringPoints;
import io.unimember.common.events.PointsBalance;
import io.unimember.common.security.Caller;
import io.unimember.points.ledger.Ledger;
import io.unimember.points.ledger.TransferKind;
import io.unimember.points.ledger.TransferView;
import io.unimember.points.tiers.TierProjection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's own points: the balance with what expires next, and the history of every change, newest first. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_member')")
class PointsController {

    /** 100 points = ¥1 at checkout. */
    private static final long FEN_PER_POINT = 1;

    /**
     * @param earningMultiplier what the member's next order earns per yuan, from the tier as this service knows it
     *     (it learns a new tier from {@code tier.changed}, a moment after tier-service decided it)
     */
    record MemberPoints(
            String memberId,
            long available,
            long frozen,
            long lifetimeEarned,
            long redeemableFen,
            List<ExpiringPoints> expiring,
            String earningMultiplier,
            long version) {}

    record Transaction(
            String transferId,
            TransferKind type,
            @Nullable String bu,
            String reference,
            long points,
            long availableChange,
            long frozenChange,
            Instant occurredAt) {

        static Transaction of(TransferView t) {
            return new Transaction(
                    t.transferId(),
                    t.type(),
                    t.bu(),
                    t.reference(),
                    t.points(),
                    t.availableChange(),
                    t.frozenChange(),
                    t.occurredAt());
        }
    }

    record Transactions(List<Transaction> items, @Nullable String nextCursor) {}

    private final Ledger ledger;
    private final TierProjection tiers;

    PointsController(Ledger ledger, TierProjection tiers) {
        this.ledger = ledger;
        this.tiers = tiers;
    }

    /**
     * The calling member's points: available, frozen, what expires next and the multiplier the next order earns
     * at.
     */
    @GetMapping("/api/v1/points/me")
    MemberPoints me(Caller caller) {
        String memberId = caller.memberId();
        PointsBalance balance = ledger.balanceOf(memberId);
        return new MemberPoints(
                memberId,
                balance.available(),
                balance.frozen(),
                balance.lifetimeEarned(),
                balance.available() * FEN_PER_POINT,
                balance.expiring(),
                tiers.multiplierOf(memberId).stripTrailingZeros().toPlainString(),
                balance.version());
    }

    /**
     * The calling member's points history, newest first, a page at a time.
     */
    @GetMapping("/api/v1/points/me/transactions")
    Transactions transactions(
            Caller caller,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Size(max = 32) @Nullable String cursor) {
        long before = cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : Cursor.decode(cursor);
        List<TransferView> page = ledger.history(caller.memberId(), before, limit + 1);
        List<Transaction> items =
                page.stream().limit(limit).map(Transaction::of).toList();
        String next = page.size() > limit ? Cursor.encode(page.get(limit - 1).seq()) : null;
        return new Transactions(items, next);
    }
}
