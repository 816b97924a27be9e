package io.unimember.tier.paidmembership;

import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What BUs do with paid memberships: confirm the payment they took (scope {@code bu:orders}), refund it (the same
 * BU only), and give a counted benefit (scope {@code bu:redeem}). Each is idempotent on the BU's natural id.
 */
@RestController
@Validated
class BuMembershipController {

    private static final String ID = "[A-Za-z0-9._:-]{1,64}";

    record PaymentRequest(
            @NotBlank @Pattern(regexp = ID) String paymentId,
            @NotBlank @Pattern(regexp = ID) String purchaseId,
            @Positive @Max(100_000_000) long amountFen) {}

    record UseRequest(@NotBlank @Pattern(regexp = ID) String useId, @NotBlank @Pattern(regexp = ID) String memberId) {}

    record RefundRequest(
            @NotBlank @Pattern(regexp = ID) String refundId, @NotBlank @Pattern(regexp = ID) String purchaseId) {}

    private final Buying buying;
    private final CountedBenefits counted;
    private final Refunds refunds;
    private final Idempotency idempotency;

    BuMembershipController(Buying buying, CountedBenefits counted, Refunds refunds, Idempotency idempotency) {
        this.buying = buying;
        this.counted = counted;
        this.refunds = refunds;
        this.idempotency = idempotency;
    }

    /**
     * Records the payment a BU took for a membership purchase, which starts the membership. The payment id is
     * the idempotency key.
     */
    @PostMapping("/api/v1/bu/memberships/payments")
    @PreAuthorize("hasAuthority('SCOPE_bu:orders')")
    ResponseEntity<Buying.PaymentReceipt> pay(Caller caller, @Valid @RequestBody PaymentRequest request) {
        String bu = caller.bu();
        var result = idempotency
                .once("membership-payment:" + bu, request.paymentId(), request)
                .answering(
                        HttpStatus.OK,
                        Buying.PaymentReceipt.class,
                        () -> buying.pay(bu, request.paymentId(), request.purchaseId(), request.amountFen()));
        return ResponseEntity.status(result.status()).body(result.body());
    }

    /**
     * Uses one of a member's counted membership benefits this month. The use id is the idempotency key.
     */
    @PostMapping("/api/v1/bu/memberships/counted/{benefit}/uses")
    @PreAuthorize("hasAuthority('SCOPE_bu:redeem')")
    ResponseEntity<CountedBenefits.UseReceipt> use(
            Caller caller,
            @PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String benefit,
            @Valid @RequestBody UseRequest request) {
        String bu = caller.bu();
        var result = idempotency
                .once("membership-use:" + bu, request.useId(), new Object[] {benefit, request})
                .answering(
                        HttpStatus.CREATED,
                        CountedBenefits.UseReceipt.class,
                        () -> counted.use(bu, request.useId(), request.memberId(), benefit));
        return ResponseEntity.status(result.status()).body(result.body());
    }

    /**
     * Refunds a membership purchase the calling BU took the payment for. The refund id is the idempotency key.
     */
    @PostMapping("/api/v1/bu/memberships/refunds")
    @PreAuthorize("hasAuthority('SCOPE_bu:orders')")
    ResponseEntity<Refunds.RefundReceipt> refund(Caller caller, @Valid @RequestBody RefundRequest request) {
        String bu = caller.bu();
        var result = idempotency
                .once("membership-refund:" + bu, request.refundId(), request)
                .answering(
                        HttpStatus.CREATED,
                        Refunds.RefundReceipt.class,
                        () -> refunds.refund(bu, request.refundId(), request.purchaseId()));
        return ResponseEntity.status(result.status()).body(result.body());
    }
}
