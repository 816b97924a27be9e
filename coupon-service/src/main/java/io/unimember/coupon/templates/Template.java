package io.unimember.coupon.templates;

import io.unimember.coupon.terms.Terms;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A coupon template: terms, who funds it, when its coupons are valid, and the limits on issuing them.
 *
 * @param validDays coupons expire this many days after issue; or else
 * @param validFrom coupons are usable from here (or from issue, if later) ...
 * @param validTo ... until here, and none is issued after it
 * @param issued how many were issued when this was read (never a basis for a decision)
 * @param stockShards how many rows the stock and budget are spread over
 * @param pointsPrice what a member pays in points to exchange for one (null: not exchangeable)
 */
public record Template(
        String id,
        String name,
        Terms terms,
        String fundingBu,
        @Nullable Integer validDays,
        @Nullable Instant validFrom,
        @Nullable Instant validTo,
        long totalQuantity,
        int perMemberLimit,
        long budgetFen,
        long issued,
        long budgetUsedFen,
        boolean claimable,
        int stockShards,
        String createdBy,
        Instant createdAt,
        @Nullable Long pointsPrice) {

    /** When a coupon issued at {@code issuedAt} stops being valid. */
    public Instant expiresAtFor(Instant issuedAt) {
        if (validDays != null) {
            return issuedAt.plus(Duration.ofDays(validDays));
        }
        if (validTo == null) {
            throw new IllegalStateException("a template has validDays or a window");
        }
        return validTo;
    }

    /** When a coupon issued at {@code issuedAt} may first be used. */
    public Instant usableFromFor(Instant issuedAt) {
        return validFrom != null && validFrom.isAfter(issuedAt) ? validFrom : issuedAt;
    }

    /** Whether running out means the quantity (rather than the budget) is used up. */
    public boolean quantityBound() {
        return totalQuantity <= budgetFen / terms.faceValueFen();
    }

    /** A fixed window that has closed: nothing more is issued. */
    public boolean isOverAt(Instant now) {
        return validTo != null && !now.isBefore(validTo);
    }
}
