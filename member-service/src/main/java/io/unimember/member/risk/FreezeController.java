package io.unimember.member.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.member.admin.AuditLog;
import io.unimember.member.members.Members;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/members/{memberId}/freeze|unfreeze}: a frozen member earns, spends and claims nothing. */
@RestController
@Validated
class FreezeController {

    private static final String MEMBER_ID = "[A-Za-z0-9_-]{1,64}";

    private final Members members;
    private final MemberRiskStates states;
    private final AuditLog audit;

    FreezeController(Members members, MemberRiskStates states, AuditLog audit) {
        this.members = members;
        this.states = states;
        this.audit = audit;
    }

    /** Why the member is frozen, for the record. */
    record FreezeRequest(@Schema(example = "device farm, see review") @Nullable @Size(max = 255) String reason) {}

    /** A member's risk state: frozen (or pending review) since when and why, or not frozen. */
    record FreezeState(
            String memberId,
            boolean frozen,
            @Nullable String state,
            @Nullable String reason,
            @Nullable Instant since) {}

    /**
     * Freezes a member: every service answers their earning, spending and claiming with 403 MEMBER_FROZEN within a
     * second or two; they can still sign in and see their account. Operators with the role OPERATOR or SUPPORT. An
     * unknown member is 404 MEMBER_NOT_FOUND. Audited.
     */
    @PostMapping("/api/v1/admin/members/{memberId}/freeze")
    @Transactional
    FreezeState freeze(
            Caller caller,
            @PathVariable @Pattern(regexp = MEMBER_ID) String memberId,
            @Valid @RequestBody(required = false) @Nullable FreezeRequest request) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR, Role.SUPPORT);
        requireMember(memberId);
        FreezeState before = state(memberId);
        String reason = request == null ? null : request.reason();
        states.set(memberId, MemberRiskStates.State.FROZEN, reason, null, actor.id());
        FreezeState after = state(memberId);
        audit.record(actor, "MEMBER_FROZEN", memberId, before, after);
        return after;
    }

    /**
     * Lets a frozen member (or one registered under review) earn, spend and claim again. Operators with the role
     * OPERATOR or SUPPORT. An unknown member is 404 MEMBER_NOT_FOUND; a member who was not frozen stays as they were.
     * Audited.
     */
    @PostMapping("/api/v1/admin/members/{memberId}/unfreeze")
    @Transactional
    FreezeState unfreeze(Caller caller, @PathVariable @Pattern(regexp = MEMBER_ID) String memberId) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR, Role.SUPPORT);
        requireMember(memberId);
        FreezeState before = state(memberId);
        if (states.clear(memberId)) {
            audit.record(actor, "MEMBER_UNFROZEN", memberId, before, Map.of("frozen", false));
        }
        return state(memberId);
    }

    private void requireMember(String memberId) {
        if (members.profile(memberId).isEmpty()) {
            throw ApiException.notFound("MEMBER_NOT_FOUND", "no member " + memberId);
        }
    }

    private FreezeState state(String memberId) {
        return states.of(memberId)
                .map(s -> new FreezeState(memberId, true, s.state().name(), s.reason(), s.since()))
                .orElse(new FreezeState(memberId, false, null, null, null));
    }
}
