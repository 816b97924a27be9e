package io.unimember.member.entitlements;

import io.unimember.common.entitlements.EntitlementView;
import io.unimember.common.entitlements.LookupQuery;
import io.unimember.common.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/members/me/entitlements?scene=&amountFen=}: the caller's own view, never another's. */
@RestController
class EntitlementController {

    private final Entitlements entitlements;

    EntitlementController(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    /**
     * Reads the calling member's entitlements: tier, points, coupons and benefits. Only ever the caller's own (the
     * member id comes from the token). With scene, a BU code, it shows what the member can use there (an unknown scene
     * is 400); with amountFen the coupons carry their discount on that amount.
     */
    @GetMapping("/api/v1/members/me/entitlements")
    EntitlementView mine(
            Caller caller,
            @RequestParam(required = false) @Nullable @Pattern(regexp = LookupQuery.SCENE) String scene,
            @RequestParam(required = false) @Nullable @Min(0) @Max(LookupQuery.MAX_AMOUNT_FEN) Long amountFen) {
        return entitlements.lookup(caller.memberId(), scene, amountFen);
    }
}
