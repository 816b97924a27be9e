package io.unimember.tier.paidmembership;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The member's own paid membership: buy (or renew), read, cancel. Identity comes only from the token. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_member')")
class MembershipController {

    record PurchaseRequest(
            @Schema(example = "p-20261207-0001") @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String purchaseId,
            @Schema(example = "SUPER") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}") String planCode) {}

    private final Buying buying;
    private final Ending ending;
    private final MembershipReads reads;
    private final Idempotency idempotency;

    MembershipController(Buying buying, Ending ending, MembershipReads reads, Idempotency idempotency) {
        this.buying = buying;
        this.ending = ending;
        this.reads = reads;
        this.idempotency = idempotency;
    }

    /**
     * Buys a paid membership plan for the calling member. Idempotent on (member, purchaseId): a retry answers
     * the first answer.
     */
    @PostMapping("/api/v1/memberships/purchases")
    ResponseEntity<Buying.PurchaseReceipt> purchase(Caller caller, @Valid @RequestBody PurchaseRequest request) {
        String memberId = caller.memberId();
        var result = idempotency
                .once("membership-purchase:" + memberId, request.purchaseId(), request)
                .answering(
                        HttpStatus.CREATED,
                        Buying.PurchaseReceipt.class,
                        () -> buying.purchase(memberId, request.purchaseId(), request.planCode()));
        return ResponseEntity.status(result.status()).body(result.body());
    }

    /**
     * The calling member's paid membership, if any, with its benefits.
     */
    @GetMapping("/api/v1/memberships/me")
    MyMembershipView me(Caller caller) {
        return reads.of(caller.memberId());
    }

    /** Auto-renew off; the membership stays active to its end. Cancelling twice is the same as once. */
    @PostMapping("/api/v1/memberships/me/cancel")
    MyMembershipView cancel(Caller caller) {
        ending.cancel(caller.memberId());
        return reads.of(caller.memberId());
    }
}
