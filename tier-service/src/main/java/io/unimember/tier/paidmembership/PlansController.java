package io.unimember.tier.paidmembership;

import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.web.FieldErrors;
import io.unimember.tier.tiers.TierRules;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The plans for anyone with a token, and their creation and change by admins ({@code /api/v1/admin/**}). */
@RestController
class PlansController {

    record PlanPage(List<Plan> items, @Nullable String nextCursor) {}

    private final Plans plans;
    private final TierRules tiers;
    private final BusinessUnits businessUnits;
    private final Clock clock;

    PlansController(Plans plans, TierRules tiers, BusinessUnits businessUnits, Clock clock) {
        this.plans = plans;
        this.tiers = tiers;
        this.businessUnits = businessUnits;
        this.clock = clock;
    }

    /**
     * The paid membership plans on sale.
     */
    @GetMapping("/api/v1/membership-plans")
    PlanPage plans() {
        return new PlanPage(plans.all(), null);
    }

    /**
     * Creates a paid membership plan.
     */
    @PostMapping("/api/v1/admin/membership-plans")
    @ResponseStatus(HttpStatus.CREATED)
    Plan create(@Valid @RequestBody Plan plan) {
        check(plan);
        plans.create(plan, clock.instant());
        return plan;
    }

    /**
     * Changes a paid membership plan (its price, term and benefits).
     */
    @PutMapping("/api/v1/admin/membership-plans/{code}")
    Plan change(@PathVariable String code, @Valid @RequestBody Plan plan) {
        if (!code.equals(plan.code())) {
            throw FieldErrors.invalid("code", "must be the plan's code in the path");
        }
        check(plan);
        plans.update(plan, clock.instant());
        return plan;
    }

    private void check(Plan plan) {
        PlanValidation.check(plan, code -> tiers.current().find(code).isPresent(), businessUnits::exists);
    }
}
