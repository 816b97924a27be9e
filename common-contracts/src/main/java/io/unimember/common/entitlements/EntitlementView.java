package io.unimember.common.entitlements;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer to "what can I use here, now?", exactly the design's shape (DESIGN §3). */
public record EntitlementView(
        String memberId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String scene,
        Tier tier,
        Points points,
        List<Coupon> coupons,
        List<Benefit> benefits,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Membership membership) {

    /** A view without a paid membership. */
    public EntitlementView(
            String memberId,
            @Nullable String scene,
            Tier tier,
            Points points,
            List<Coupon> coupons,
            List<Benefit> benefits) {
        this(memberId, scene, tier, points, coupons, benefits, null);
    }

    /** The paid membership (DESIGN §13): its plan, its end, and what remains of each counted benefit this month. */
    public record Membership(String planCode, Instant endsAt, List<Counted> counted) {}

    public record Counted(String benefit, int remaining) {}

    public record Tier(String code, String name, long growth, @Nullable String nextTier, long growthToNext) {}

    public record Points(long available, long frozen, long redeemableFen, List<Expiring> expiring) {}

    public record Expiring(long points, Instant expiresAt) {}

    /** {@code discountFen} is for the asked amount when there is one, else the face value or cap. */
    public record Coupon(String couponId, String name, long discountFen, boolean usable, Instant expiresAt) {}

    public record Benefit(String code, String value) {}
}
