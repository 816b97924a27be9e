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
        List<Benefit> benefits) {

    public record Tier(String code, String name, long growth, @Nullable String nextTier, long growthToNext) {}

    public record Points(long available, long frozen, long redeemableFen, List<Expiring> expiring) {}

    public record Expiring(long points, Instant expiresAt) {}

    /** {@code discountFen} is for the asked amount when there is one, else the face value or cap. */
    public record Coupon(String couponId, String name, long discountFen, boolean usable, Instant expiresAt) {}

    public record Benefit(String code, String value) {}
}
