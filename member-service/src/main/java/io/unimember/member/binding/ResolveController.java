package io.unimember.member.binding;

import io.unimember.common.openapi.Creates;
import io.unimember.common.security.Caller;
import io.unimember.member.members.Members;
import io.unimember.member.members.PhoneNumber;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/bu/members/resolve} ({@code bu:members}): the member a phone belongs to, registered if new
 * ({@code 201}), with the BU's own account id bound to them. An account id already bound to another member is a
 * conflict; binding it again to the same member changes nothing.
 */
@RestController
class ResolveController {

    private final OneId oneId;

    ResolveController(OneId oneId) {
        this.oneId = oneId;
    }

    /**
     * Finds the member a phone belongs to, registering a new one, for a BU. For BU clients with bu:members; the BU is
     * the token's. Answers 201 when the member was registered just now, else 200. With externalAccountId the BU's own
     * account id is bound to the member: binding it again to the same member changes nothing, and an id already bound
     * to another member is 409 ACCOUNT_BOUND_TO_ANOTHER_MEMBER, which undoes the whole call.
     */
    @PostMapping("/api/v1/bu/members/resolve")
    @Creates(value = "a member was created for this phone", orOk = true)
    ResponseEntity<ResolveRequest.Resolved> resolve(Caller caller, @Valid @RequestBody ResolveRequest request) {
        PhoneNumber phone = PhoneNumber.parse(request.phone()).orElseThrow();
        Members.Resolution member = oneId.resolve(caller.bu(), phone, request.externalAccountId());
        return ResponseEntity.status(member.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ResolveRequest.Resolved(member.memberId(), member.created()));
    }
}
