package io.unimember.coupon.verify;

import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.security.Caller;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merchant POS verification. A POS that retries after a timeout sends an {@code Idempotency-Key} and gets the
 * original answer; without one, a second scan of a used code is {@code 409 COUPON_NOT_AVAILABLE}.
 */
@RestController
class VerifyController {

    private final Verification verification;
    private final Idempotency idempotency;

    VerifyController(Verification verification, Idempotency idempotency) {
        this.verification = verification;
        this.idempotency = idempotency;
    }

    /**
     * Redeems the coupon whose code a merchant's POS scanned, at the merchant's BU. For merchant clients with
     * merchant:verify. An unknown code is 404 COUPON_NOT_FOUND; a coupon not available, or not usable at this BU now,
     * is 409 COUPON_NOT_AVAILABLE or COUPON_NOT_APPLICABLE; amountFen is needed for a percent-off coupon or one with a
     * minimum spend (else 400). A code redeems once: a POS that retries after a timeout sends an Idempotency-Key and
     * gets the original answer, while a second scan without one is 409 COUPON_NOT_AVAILABLE.
     */
    @PostMapping("/open/v1/coupons/verify")
    @PreAuthorize("hasAuthority('SCOPE_merchant:verify')")
    ResponseEntity<VerifyView> verify(
            Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody VerifyRequest request) {
        String merchantId = caller.merchantId();
        String bu = caller.bu();
        if (key == null) {
            return ResponseEntity.ok(verification.verify(merchantId, bu, request));
        }
        var result = idempotency
                .once("verify:" + merchantId, key, request)
                .answering(HttpStatus.OK, VerifyView.class, () -> verification.verify(merchantId, bu, request));
        return ResponseEntity.status(result.status()).body(result.body());
    }
}
