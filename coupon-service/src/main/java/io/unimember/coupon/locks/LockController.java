package io.unimember.coupon.locks;

import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.openapi.Creates;
import io.unimember.common.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** BU checkout: lock, then redeem or release. A BU only ever sees and resolves its own locks. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_bu:redeem')")
class LockController {

    private final Checkout checkout;
    private final Idempotency idempotency;

    LockController(Checkout checkout, Idempotency idempotency) {
        this.checkout = checkout;
        this.idempotency = idempotency;
    }

    /** The request body's record, with the coupon, is what a replayed lockId must match. */
    record LockCommand(String couponId, LockRequest request) {}

    /**
     * Locks a member's coupon for a checkout until it is redeemed or released. For BU clients with bu:redeem. The
     * coupon must be available (else 409 COUPON_NOT_AVAILABLE) and fit the order: usable at this BU, inside its
     * validity, the amount reaching its minimum spend (else 409 COUPON_NOT_APPLICABLE); with memberId, another member's
     * coupon is 404 COUPON_NOT_FOUND. The lockId is the idempotency key within the BU: the same lock again answers the
     * first, a different one under the same id is 409 IDEMPOTENCY_CONFLICT. A lock left unresolved is released on its
     * own at its expiresAt (15 minutes by default).
     */
    @PostMapping("/api/v1/bu/coupons/{couponId}/locks")
    @Creates("the coupon is locked for this checkout")
    ResponseEntity<LockView> lock(
            Caller caller, @PathVariable @Size(max = 36) String couponId, @Valid @RequestBody LockRequest request) {
        String bu = caller.bu();
        var result = idempotency
                .once("lock:" + bu, request.lockId(), new LockCommand(couponId, request))
                .answering(HttpStatus.CREATED, LockView.class, () -> checkout.lock(bu, couponId, request));
        return ResponseEntity.status(result.status()).body(result.body());
    }

    /**
     * Redeems a locked coupon: the checkout went through and the coupon is used. For BU clients with bu:redeem, on
     * their own locks only (another BU's, or an unknown one, is 404 LOCK_NOT_FOUND). Redeeming again answers the same;
     * a released lock is 409 LOCK_RELEASED and an expired one 409 LOCK_EXPIRED: lock the coupon again.
     */
    @PostMapping("/api/v1/bu/coupons/locks/{lockId}/redeem")
    LockView redeem(Caller caller, @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String lockId) {
        return checkout.redeem(caller.bu(), lockId);
    }

    /**
     * Releases a locked coupon, which becomes available again. For BU clients with bu:redeem, on their own locks only
     * (else 404 LOCK_NOT_FOUND). Releasing again, or a lock that has expired, answers the lock as it stands; a redeemed
     * lock is 409 LOCK_REDEEMED.
     */
    @PostMapping("/api/v1/bu/coupons/locks/{lockId}/release")
    LockView release(Caller caller, @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String lockId) {
        return checkout.release(caller.bu(), lockId);
    }
}
