package io.unimember.member.open;

import io.unimember.common.entitlements.EntitlementView;
import io.unimember.common.entitlements.LookupQuery;
import io.unimember.common.security.Caller;
import io.unimember.common.security.Claims;
import io.unimember.common.web.ApiException;
import io.unimember.member.consents.Consents;
import io.unimember.member.entitlements.Entitlements;
import io.unimember.member.members.MemberProfile;
import io.unimember.member.members.Members;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /open/v1/members/{memberId}} ({@code merchant:members}): what a merchant may see of a member who consented
 * to that merchant, and nothing of anyone else ({@code 403 CONSENT_REQUIRED}, whether or not the member exists).
 */
@RestController
class OpenMemberController {

    private static final String MEMBER_ID = "[A-Za-z0-9_-]{1,64}";

    private final Consents consents;
    private final Members members;
    private final Entitlements entitlements;

    OpenMemberController(Consents consents, Members members, Entitlements entitlements) {
        this.consents = consents;
        this.members = members;
        this.entitlements = entitlements;
    }

    /** Exactly the design's fields: no nickname, birthday or registration date. */
    record OpenMember(String memberId, String tier, String phoneMasked, long pointsAvailable) {}

    /**
     * Reads what a merchant may see of a member: tier, masked phone and points. For merchant clients with
     * merchant:members, and only for a member who consented to this merchant: anyone else is 403 CONSENT_REQUIRED,
     * whether or not the member exists. No nickname, birthday or registration date is shown.
     */
    @GetMapping("/open/v1/members/{memberId}")
    OpenMember member(Caller caller, @PathVariable @Pattern(regexp = MEMBER_ID) String memberId) {
        consents.require(memberId, caller.merchantId());
        MemberProfile profile = members.profile(memberId)
                .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "no member " + memberId));
        Entitlements.Summary summary = entitlements.summary(memberId);
        return new OpenMember(memberId, summary.tier(), profile.phoneMasked(), summary.pointsAvailable());
    }

    /** Without a scene, the merchant's own BU is the scene: what the member can use at this merchant. */
    @GetMapping("/open/v1/members/{memberId}/entitlements")
    EntitlementView entitlements(
            Caller caller,
            @PathVariable @Pattern(regexp = MEMBER_ID) String memberId,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Z][A-Z_]{0,31}") String scene,
            @RequestParam(required = false) @Nullable @Min(0) @Max(LookupQuery.MAX_AMOUNT_FEN) Long amountFen) {
        consents.require(memberId, caller.merchantId());
        return entitlements.lookup(memberId, scene != null ? scene : caller.claim(Claims.BU), amountFen);
    }
}
