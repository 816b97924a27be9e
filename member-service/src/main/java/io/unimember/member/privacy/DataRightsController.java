package io.unimember.member.privacy;

import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.member.binding.Bindings;
import io.unimember.member.consents.Consents;
import io.unimember.member.members.MemberProfile;
import io.unimember.member.members.Members;
import io.unimember.member.tokens.MemberSessions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/members/me/export}: everything member-service holds about the member, as a download (the phone
 * masked, as everywhere). {@code DELETE /api/v1/members/me}: erases their personal data, withdraws every consent,
 * unbinds their BU accounts and ends every session; 204. Points, coupons and settlements elsewhere keep their
 * entries under the member id, which after this names nobody.
 */
@RestController
class DataRightsController {

    private final Members members;
    private final Consents consents;
    private final Bindings bindings;
    private final MemberSessions sessions;
    private final Clock clock;

    DataRightsController(Members members, Consents consents, Bindings bindings, MemberSessions sessions, Clock clock) {
        this.members = members;
        this.consents = consents;
        this.bindings = bindings;
        this.sessions = sessions;
        this.clock = clock;
    }

    record Export(
            String memberId,
            Instant exportedAt,
            MemberProfile profile,
            List<Consents.Consent> consents,
            List<Bindings.Binding> boundAccounts) {}

    /**
     * Exports everything member-service holds about the calling member. A JSON download, not to be cached: the profile
     * (the phone masked, as everywhere), the consents given and the BU accounts bound. A deleted account is 404
     * MEMBER_NOT_FOUND.
     */
    @GetMapping("/api/v1/members/me/export")
    ResponseEntity<Export> export(Caller caller) {
        String memberId = caller.memberId();
        MemberProfile profile = members.profile(memberId).orElseThrow(DataRightsController::notFound);
        var export = new Export(memberId, clock.instant(), profile, consents.of(memberId), bindings.of(memberId));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"unimember-" + memberId + ".json\"")
                .body(export);
    }

    /**
     * Deletes the calling member's account and erases their personal data. For the member themselves. In one
     * transaction it erases the profile (only the id and registration time stay), withdraws every consent, unbinds
     * every BU account and ends every session, this token's included; 204. Points, coupons and settlements keep their
     * entries under the member id, which then names nobody. An account already deleted is 404 MEMBER_NOT_FOUND.
     */
    @DeleteMapping("/api/v1/members/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(Caller caller) {
        String memberId = caller.memberId();
        if (!members.erase(memberId)) {
            throw notFound();
        }
        consents.revokeAll(memberId);
        bindings.unbindAll(memberId);
        sessions.endAll(memberId, caller.token());
    }

    private static ApiException notFound() {
        return ApiException.notFound("MEMBER_NOT_FOUND", "no such member (or the account was deleted)");
    }
}
