package io.unimember.points.holds;

import io.unimember.common.events.PointsHeld;
import io.unimember.common.events.PointsHoldRefused;
import io.unimember.common.events.PointsRedeemed;
import io.unimember.common.events.PointsReleased;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.risk.FrozenMembers;
import io.unimember.common.web.ApiException;
import io.unimember.points.PointsProperties;
import io.unimember.points.ledger.Ledger;
import io.unimember.points.ledger.MemberAccount;
import io.unimember.points.ledger.Posted;
import io.unimember.points.ledger.Spent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-phase spending. Every step locks the member's balance first and the hold second (the same order everywhere,
 * so steps never deadlock), then moves the hold out of HELD with a guarded update: a hold resolves once. Asking to
 * resolve it the same way again answers as the first time; the other way is {@code 409 HOLD_ALREADY_RESOLVED}.
 * A frozen member (design §14) opens no hold: {@code 403 MEMBER_FROZEN}, or for an exchange's hold a refusal with
 * that reason; holds opened before the freeze still resolve as the BU asks, so a checkout under way can finish or
 * give its points back.
 */
@Component
class Holds {

    private record Locked(MemberAccount account, Hold hold) {}

    private final Ledger ledger;
    private final HoldRepository holds;
    private final EventPublisher events;
    private final SpendMetrics metrics;
    private final Clock clock;
    private final PointsProperties properties;
    private final FrozenMembers frozenMembers;

    Holds(
            Ledger ledger,
            HoldRepository holds,
            EventPublisher events,
            SpendMetrics metrics,
            Clock clock,
            PointsProperties properties,
            FrozenMembers frozenMembers) {
        this.frozenMembers = frozenMembers;
        this.ledger = ledger;
        this.holds = holds;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    HoldReceipt open(String bu, HoldRequest request) {
        frozenMembers.requireNotFrozen(request.memberId());
        return open(bu, request, properties.holdTtl());
    }

    /**
     * An exchange's hold, asked for by an event (decision 0045): opened for {@code ttl} if the member has the points
     * and is not frozen, else refused with {@code points.hold_refused} ({@code POINTS_INSUFFICIENT}, {@code
     * MEMBER_FROZEN}), without an exception that would roll the event's transaction back. A hold already opened (the
     * request delivered again) is left as it is. False if refused.
     */
    @Transactional
    boolean openIfAvailable(String bu, HoldRequest request, Duration ttl) {
        if (holds.find(bu, request.holdId()).isPresent()) {
            return true;
        }
        if (frozenMembers.isFrozen(request.memberId())) {
            refuse(bu, request.holdId(), request.memberId(), request.orderRef(), request.points(), "MEMBER_FROZEN");
            return false;
        }
        var account = ledger.lockExisting(request.memberId());
        if (account.isEmpty() || account.get().available() < request.points()) {
            refuse(
                    bu,
                    request.holdId(),
                    request.memberId(),
                    request.orderRef(),
                    request.points(),
                    "POINTS_INSUFFICIENT");
            return false;
        }
        open(bu, request, ttl);
        return true;
    }

    /**
     * Spends an exchange's hold once its coupon is issued; true if it is (or was already) spent. A hold that expired
     * or was cancelled meanwhile is not spent: {@code points.hold_refused HOLD_EXPIRED} tells coupon-service, which
     * then takes the coupon back.
     */
    @Transactional
    boolean confirmIfHeld(String bu, String holdId) {
        Optional<Hold> seen = holds.find(bu, holdId);
        if (seen.isEmpty()) {
            return false;
        }
        Locked locked = lock(bu, holdId);
        Hold hold = locked.hold();
        if (hold.status() == HoldStatus.CONFIRMED) {
            return true;
        }
        if (hold.status() == HoldStatus.HELD && now().isBefore(hold.expiresAt())) {
            confirm(bu, holdId);
            return true;
        }
        refuse(bu, holdId, hold.memberId(), hold.orderRef(), hold.points(), "HOLD_EXPIRED");
        return false;
    }

    /** Releases an exchange's hold whose coupon was not issued; nothing if it is gone or already resolved. */
    @Transactional
    void cancelIfHeld(String bu, String holdId) {
        if (holds.find(bu, holdId).isEmpty()) {
            return;
        }
        Locked locked = lock(bu, holdId);
        if (locked.hold().status() == HoldStatus.HELD) {
            release(locked, HoldStatus.CANCELLED, now());
        }
    }

    private void refuse(String bu, String holdId, String memberId, String orderRef, long points, String reason) {
        events.publish(
                new PointsHoldRefused(memberId, holdId, bu, orderRef, points, reason, ledger.balanceOf(memberId)));
    }

    private HoldReceipt open(String bu, HoldRequest request, Duration ttl) {
        Instant now = now();
        MemberAccount account = ledger.lockExisting(request.memberId())
                .orElseThrow(() -> new ApiException(
                        HttpStatus.CONFLICT,
                        "POINTS_INSUFFICIENT",
                        "the member has no points available",
                        Map.of("available", 0)));
        Posted frozen = ledger.freeze(account, bu, request.holdId(), request.points());
        Instant expiresAt = now.plus(ttl);
        holds.insert(
                new Hold(
                        bu,
                        request.holdId(),
                        request.memberId(),
                        request.points(),
                        request.orderRef(),
                        HoldStatus.HELD,
                        expiresAt,
                        null),
                now);
        events.publish(new PointsHeld(
                request.memberId(),
                request.holdId(),
                bu,
                request.orderRef(),
                request.points(),
                expiresAt,
                frozen.balance()));
        return new HoldReceipt(request.holdId(), request.memberId(), request.points(), HoldStatus.HELD, expiresAt);
    }

    @Transactional
    HoldResolution confirm(String bu, String holdId) {
        Instant now = now();
        Locked locked = lock(bu, holdId);
        Hold hold = locked.hold();
        if (hold.status() == HoldStatus.CONFIRMED) {
            return resolution(hold);
        }
        requireHeld(hold, now);
        Spent spent = ledger.spend(locked.account(), bu, holdId, hold.points());
        resolve(hold, HoldStatus.CONFIRMED, now);
        events.publish(new PointsRedeemed(
                hold.memberId(),
                holdId,
                spent.transferId(),
                bu,
                hold.orderRef(),
                hold.points(),
                spent.lots(),
                now,
                spent.balance()));
        metrics.spent(bu, hold.points());
        return new HoldResolution(holdId, HoldStatus.CONFIRMED, hold.points(), spent.lots(), now);
    }

    @Transactional
    HoldResolution cancel(String bu, String holdId) {
        Instant now = now();
        Locked locked = lock(bu, holdId);
        if (locked.hold().status() == HoldStatus.CANCELLED) {
            return resolution(locked.hold());
        }
        requireHeld(locked.hold(), now);
        return release(locked, HoldStatus.CANCELLED, now);
    }

    /** Releases a hold whose time ran out; does nothing if it resolved meanwhile (or another instance did it). */
    @Transactional
    boolean expire(String bu, String holdId) {
        Instant now = now();
        Locked locked = lock(bu, holdId);
        if (locked.hold().status() != HoldStatus.HELD
                || now.isBefore(locked.hold().expiresAt())) {
            return false;
        }
        release(locked, HoldStatus.EXPIRED, now);
        return true;
    }

    @Transactional(readOnly = true)
    Hold find(String bu, String holdId) {
        return holds.find(bu, holdId).orElseThrow(() -> notFound(holdId));
    }

    private HoldResolution release(Locked locked, HoldStatus reason, Instant now) {
        Hold hold = locked.hold();
        Posted released = ledger.release(locked.account(), hold.bu(), hold.holdId(), hold.points());
        resolve(hold, reason, now);
        events.publish(new PointsReleased(
                hold.memberId(), hold.holdId(), hold.bu(), hold.points(), reason.name(), released.balance()));
        return new HoldResolution(hold.holdId(), reason, hold.points(), List.of(), now);
    }

    /** Locks the member's balance, then the hold, and reads the hold as it is under both locks. */
    private Locked lock(String bu, String holdId) {
        Hold seen = holds.find(bu, holdId).orElseThrow(() -> notFound(holdId));
        MemberAccount account = ledger.lockExisting(seen.memberId())
                .orElseThrow(() -> new IllegalStateException("hold " + holdId + " of a member without a balance"));
        Hold hold = holds.lock(bu, holdId).orElseThrow(() -> notFound(holdId));
        return new Locked(account, hold);
    }

    private void requireHeld(Hold hold, Instant now) {
        if (hold.status() != HoldStatus.HELD) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "HOLD_ALREADY_RESOLVED",
                    "hold " + hold.holdId() + " is already " + hold.status(),
                    Map.of("status", hold.status().name()));
        }
        if (!now.isBefore(hold.expiresAt())) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "HOLD_EXPIRED",
                    "hold " + hold.holdId() + " expired at " + hold.expiresAt() + "; its points are being released",
                    Map.of("status", HoldStatus.EXPIRED.name()));
        }
    }

    private void resolve(Hold hold, HoldStatus to, Instant now) {
        if (!holds.resolve(hold, to, now)) {
            throw new IllegalStateException("hold " + hold.holdId() + " left HELD under its lock");
        }
    }

    private HoldResolution resolution(Hold hold) {
        var lots = hold.status() == HoldStatus.CONFIRMED
                ? ledger.spentLots(hold.bu(), hold.holdId(), hold.points())
                : List.<io.unimember.common.events.SpentLot>of();
        Instant resolvedAt = hold.resolvedAt() == null ? hold.expiresAt() : hold.resolvedAt();
        return new HoldResolution(hold.holdId(), hold.status(), hold.points(), lots, resolvedAt);
    }

    private Instant now() {
        // the database keeps microseconds; a replayed answer must match the first one exactly
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException notFound(String holdId) {
        return ApiException.notFound("HOLD_NOT_FOUND", "no hold " + holdId + " of this business unit");
    }
}
