package io.unimember.coupon.wallet;

import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.security.Caller;
import io.unimember.common.web.FieldErrors;
import io.unimember.coupon.coupons.Coupon;
import io.unimember.coupon.coupons.CouponStatus;
import io.unimember.coupon.coupons.CouponView;
import io.unimember.coupon.support.Times;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's own coupons, with the codes to show at a POS: only ever the caller's own (member id from the token). */
@RestController
class WalletController {

    record Page(List<CouponView> items, @Nullable String nextCursor) {}

    record Usable(String scene, long amountFen, List<CouponView> items) {}

    private final WalletQueries queries;
    private final BusinessUnits businessUnits;
    private final WalletProperties properties;
    private final Clock clock;

    WalletController(WalletQueries queries, BusinessUnits businessUnits, WalletProperties properties, Clock clock) {
        this.queries = queries;
        this.businessUnits = businessUnits;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Lists the calling member's coupons, newest first, codes included. The codes are what a POS scans; only ever the
     * caller's own coupons (the member id comes from the token). Optionally only those of one status, or usable at a
     * scene, a BU code (else 400); nextCursor passed back as cursor gives the next page.
     */
    @GetMapping("/api/v1/coupons/me")
    @PreAuthorize("hasAuthority('SCOPE_member')")
    Page wallet(
            Caller caller,
            @RequestParam(required = false) @Nullable CouponStatus status,
            @RequestParam(required = false) @Nullable String scene,
            @RequestParam(required = false) @Nullable @Min(1) @Max(100) Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        if (scene != null) {
            requireScene(scene);
        }
        int size = limit == null ? properties.defaultPageSize() : limit;
        Instant now = Times.now(clock);
        List<Coupon> rows = queries.page(
                caller.memberId(), status, scene, cursor == null ? null : Cursor.decode(cursor), size, now);
        List<Coupon> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size
                ? new Cursor(page.getLast().issuedAt(), page.getLast().id()).encode()
                : null;
        return new Page(page.stream().map(c -> CouponView.forOwner(c, now)).toList(), next);
    }

    /** Best first: the biggest discount on this amount, then the one expiring soonest. */
    @GetMapping("/api/v1/coupons/me/usable")
    @PreAuthorize("hasAuthority('SCOPE_member')")
    Usable usable(
            Caller caller, @RequestParam String scene, @RequestParam @Positive @Max(10_000_000_000L) long amountFen) {
        requireScene(scene);
        Instant now = Times.now(clock);
        List<CouponView> items =
                queries.usable(caller.memberId(), scene, amountFen, now, properties.maxUsable()).stream()
                        .filter(c -> c.terms().usableFor(amountFen))
                        .map(c -> CouponView.forOwnerAndAmount(c, now, amountFen))
                        .sorted(Comparator.comparingLong(
                                        (CouponView v) -> v.terms().discountFen())
                                .reversed()
                                .thenComparing(CouponView::expiresAt)
                                .thenComparing(CouponView::couponId))
                        .toList();
        return new Usable(scene, amountFen, items);
    }

    private void requireScene(String scene) {
        if (!businessUnits.isScene(scene)) {
            throw FieldErrors.invalid("scene", "must be a business unit code");
        }
    }
}
