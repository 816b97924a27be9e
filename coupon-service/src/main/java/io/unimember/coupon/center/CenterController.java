package io.unimember.coupon.center;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.security.Caller;
import io.unimember.common.web.FieldErrors;
import io.unimember.coupon.budgets.SubsidyPools;
import io.unimember.coupon.support.Times;
import io.unimember.coupon.terms.TermsView;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/coupons/center?scene=}: the templates on offer to the calling member, those they may claim (or
 * exchange for points) now and, for the others, why not: {@code SOLD_OUT} (nothing left), {@code LIMIT_REACHED}
 * (they hold as many as allowed), {@code BUDGET_EXHAUSTED} (the funder's subsidy pool for the month is spent). A
 * read, not a decision: the claim itself decides under its locks.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_member')")
class CenterController {

    static final int SHOWN = 100;

    private final CenterQueries queries;
    private final SubsidyPools pools;
    private final BusinessUnits businessUnits;
    private final Clock clock;

    CenterController(CenterQueries queries, SubsidyPools pools, BusinessUnits businessUnits, Clock clock) {
        this.queries = queries;
        this.pools = pools;
        this.businessUnits = businessUnits;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String templateId,
            String name,
            @JsonUnwrapped TermsView terms,
            String fundingBu,
            @Nullable Long pointsPrice,
            long remaining,
            boolean claimable,
            @Nullable String reason) {}

    record Center(List<Item> items) {}

    /**
     * Lists the coupons on offer to the caller and whether each can be had now. For the calling member; with scene, a
     * BU code (else 400), only those usable there. An offer that cannot be claimed now says why: SOLD_OUT,
     * LIMIT_REACHED (the member holds as many as allowed) or BUDGET_EXHAUSTED (the funder's subsidy pool for the month
     * is spent). A read, not a decision: the claim or exchange itself decides.
     */
    @GetMapping("/api/v1/coupons/center")
    Center center(Caller caller, @RequestParam(required = false) @Nullable @Size(max = 32) String scene) {
        if (scene != null && !businessUnits.isScene(scene)) {
            throw FieldErrors.invalid("scene", "must be a business unit code");
        }
        Instant now = Times.now(clock);
        List<CenterQueries.Offer> offers = queries.offers(now, SHOWN).stream()
                .filter(o -> scene == null || o.terms().appliesTo(scene))
                .toList();
        Map<String, Integer> held = queries.held(
                caller.memberId(),
                offers.stream().map(CenterQueries.Offer::templateId).toList());
        String month = SubsidyPools.monthOf(now);
        Map<String, Optional<SubsidyPools.Pool>> poolOf = new HashMap<>();
        List<Item> items = new ArrayList<>(offers.size());
        for (CenterQueries.Offer o : offers) {
            var pool = poolOf.computeIfAbsent(o.fundingBu(), bu -> pools.find(bu, month));
            String reason = null;
            if (o.remaining() <= 0) {
                reason = "SOLD_OUT";
            } else if (held.getOrDefault(o.templateId(), 0) >= o.perMemberLimit()) {
                reason = "LIMIT_REACHED";
            } else if (pool.isPresent() && pool.get().remainingFen() < o.terms().faceValueFen()) {
                reason = "BUDGET_EXHAUSTED";
            }
            items.add(new Item(
                    o.templateId(),
                    o.name(),
                    TermsView.of(o.terms()),
                    o.fundingBu(),
                    o.pointsPrice(),
                    Math.max(0, o.remaining()),
                    reason == null,
                    reason));
        }
        return new Center(items);
    }
}
