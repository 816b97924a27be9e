package io.unimember.points.holds;

import io.unimember.common.idempotency.Idempotency;
import io.unimember.common.idempotency.IdempotentResult;
import io.unimember.common.openapi.Creates;
import io.unimember.common.security.Caller;
import io.unimember.points.earning.BusinessUnits;
import io.unimember.points.members.KnownMembers;
import io.unimember.points.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Points at checkout, for BUs: hold, then confirm or cancel. Holds belong to the BU whose token made them; the
 * hold id is the idempotency key of its creation.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_bu:redeem')")
class HoldController {

    private final Holds holds;
    private final Idempotency idempotency;
    private final BusinessUnits units;
    private final KnownMembers members;

    HoldController(Holds holds, Idempotency idempotency, BusinessUnits units, KnownMembers members) {
        this.holds = holds;
        this.idempotency = idempotency;
        this.units = units;
        this.members = members;
    }

    /**
     * Holds a member's points for an order until the BU confirms or cancels the hold. The hold id is the
     * idempotency key.
     */
    @PostMapping("/api/v1/points/holds")
    @Creates("the points are held until confirmed, cancelled or expired")
    ResponseEntity<HoldReceipt> hold(Caller caller, @Valid @RequestBody HoldRequest request) {
        String bu = units.require(caller.bu()).code();
        members.require(request.memberId());
        return answer(idempotency
                .once("hold:" + bu, request.holdId(), request)
                .answering(HttpStatus.CREATED, HoldReceipt.class, () -> holds.open(bu, request)));
    }

    /** Spends the held points; confirming again answers the first confirmation, byte for byte. */
    @PostMapping("/api/v1/points/holds/{holdId}/confirm")
    ResponseEntity<HoldResolution> confirm(
            Caller caller, @PathVariable @Pattern(regexp = Ids.CLIENT_ID) String holdId) {
        String bu = units.require(caller.bu()).code();
        return answer(idempotency
                .once("hold-confirm:" + bu, holdId, holdId)
                .answering(HttpStatus.OK, HoldResolution.class, () -> holds.confirm(bu, holdId)));
    }

    /** Releases the held points; cancelling again answers the first cancellation. */
    @PostMapping("/api/v1/points/holds/{holdId}/cancel")
    ResponseEntity<HoldResolution> cancel(Caller caller, @PathVariable @Pattern(regexp = Ids.CLIENT_ID) String holdId) {
        String bu = units.require(caller.bu()).code();
        return answer(idempotency
                .once("hold-cancel:" + bu, holdId, holdId)
                .answering(HttpStatus.OK, HoldResolution.class, () -> holds.cancel(bu, holdId)));
    }

    /**
     * Reads a hold the calling BU made.
     */
    @GetMapping("/api/v1/points/holds/{holdId}")
    Hold find(Caller caller, @PathVariable @Pattern(regexp = Ids.CLIENT_ID) String holdId) {
        return holds.find(units.require(caller.bu()).code(), holdId);
    }

    private static <T> ResponseEntity<T> answer(IdempotentResult<T> result) {
        return ResponseEntity.status(result.status()).body(result.body());
    }
}
