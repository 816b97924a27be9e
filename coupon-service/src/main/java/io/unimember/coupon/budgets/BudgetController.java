package io.unimember.coupon.budgets;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.AdminAudit;
import io.unimember.common.admin.Role;
import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.security.Caller;
import io.unimember.common.security.Claims;
import io.unimember.common.web.ApiException;
import io.unimember.coupon.support.Times;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Clock;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins set a BU's monthly subsidy pool; admins, and the BU itself, read how much of it is used, live. */
@RestController
class BudgetController {

    static final String BU = "^[A-Z][A-Z0-9_]{0,31}$";
    static final String MONTH = "^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$";

    record LimitRequest(@NotNull @PositiveOrZero @Max(10_000_000_000_000L) Long limitFen) {}

    record BudgetView(String bu, String month, long limitFen, long usedFen, long remainingFen) {

        static BudgetView of(SubsidyPools.Pool p) {
            return new BudgetView(p.bu(), p.month(), p.limitFen(), p.usedFen(), p.remainingFen());
        }
    }

    private final SubsidyPools pools;
    private final BusinessUnits businessUnits;
    private final BudgetMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AdminAudit audit;

    BudgetController(
            SubsidyPools pools,
            BusinessUnits businessUnits,
            BudgetMetrics metrics,
            TransactionTemplate tx,
            Clock clock,
            AdminAudit audit) {
        this.audit = audit;
        this.pools = pools;
        this.businessUnits = businessUnits;
        this.metrics = metrics;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Sets the limit of a BU's subsidy pool for a month. Admins only (else 403 FORBIDDEN). Setting it again replaces
     * the limit; lowering it below what is used stops further issues and takes nothing back. An unknown BU is 404
     * BUSINESS_UNIT_NOT_FOUND; answers the pool as it now stands.
     */
    @PutMapping("/api/v1/admin/budgets/{bu}/{month}")
    BudgetView set(
            Caller caller,
            @PathVariable @Pattern(regexp = BU) String bu,
            @PathVariable @Pattern(regexp = MONTH) String month,
            @Valid @RequestBody LimitRequest request) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("FORBIDDEN", "only an admin sets subsidy pools");
        }
        Actor actor = AdminAccess.require(caller, Role.OPERATOR, Role.FINANCE);
        requireBu(bu);
        tx.executeWithoutResult(s -> {
            BudgetView before = pools.find(bu, month).map(BudgetView::of).orElse(null);
            pools.setLimit(bu, month, request.limitFen(), actor.id(), Times.now(clock));
            BudgetView after = pools.find(bu, month).map(BudgetView::of).orElse(null);
            audit.record(actor, "SUBSIDY_POOL_SET", "budget:" + bu + ":" + month, before, after);
        });
        metrics.refresh();
        return get(caller, bu, month);
    }

    /**
     * Reads a BU's subsidy pool for a month: its limit, what is used and what is left. Admins read any BU's, a BU
     * client with bu:campaigns only its own (another's is 404 BUDGET_NOT_FOUND). A BU with no pool for the month is 404
     * BUDGET_NOT_FOUND: its issues are not limited. An unknown BU is 404 BUSINESS_UNIT_NOT_FOUND.
     */
    @GetMapping("/api/v1/admin/budgets/{bu}/{month}")
    BudgetView get(
            Caller caller,
            @PathVariable @Pattern(regexp = BU) String bu,
            @PathVariable @Pattern(regexp = MONTH) String month) {
        if (!caller.isAdmin() && !bu.equals(caller.claim(Claims.BU))) {
            throw ApiException.notFound("BUDGET_NOT_FOUND", "no subsidy pool for this business unit and month");
        }
        requireBu(bu);
        return pools.find(bu, month)
                .map(BudgetView::of)
                .orElseThrow(() -> ApiException.notFound(
                        "BUDGET_NOT_FOUND",
                        "no subsidy pool for this business unit and month: its issues are not limited"));
    }

    private void requireBu(String bu) {
        if (!businessUnits.exists(bu)) {
            throw ApiException.notFound("BUSINESS_UNIT_NOT_FOUND", "no such business unit");
        }
    }
}
