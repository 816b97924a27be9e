package io.unimember.coupon.allotment;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.AdminAudit;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.common.web.FieldErrors;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the monthly allotment now (admin only, by the shared admin path rule): for demos, tests and to finish a
 * month whose scheduled run was missed. Running it twice is harmless.
 */
@RestController
class AllotmentController {

    /** No allotment predates the program; also keeps odd years (negative, five digits) out of the month column. */
    private static final int FIRST_YEAR = 2000;

    private final MonthlyAllotment allotment;
    private final AdminAudit audit;
    private final TransactionTemplate tx;

    AllotmentController(MonthlyAllotment allotment, AdminAudit audit, TransactionTemplate tx) {
        this.allotment = allotment;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * Runs the monthly tier allotment of 神券 for a month now. Admins only. Every member with a tier gets their tier's
     * count of the tier template's coupon, at most once a month: running it again skips, and does not count, the
     * members already allotted, so it also finishes a run that stopped. The month is yyyy-MM from 2000 (else 400), and
     * one that has not begun is 409 MONTH_NOT_STARTED. Answers how many members were allotted, coupons issued, and
     * members refused or failed.
     */
    @PostMapping("/api/v1/admin/coupon-allotments/{month}")
    MonthlyAllotment.Run run(Caller caller, @PathVariable String month) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR);
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw FieldErrors.invalid("month", "must be yyyy-MM");
        }
        if (yearMonth.getYear() < FIRST_YEAR) {
            throw FieldErrors.invalid("month", "must be yyyy-MM from " + FIRST_YEAR);
        }
        if (yearMonth.isAfter(allotment.currentMonth())) {
            throw ApiException.conflict("MONTH_NOT_STARTED", "a month is allotted on or after its 1st");
        }
        MonthlyAllotment.Run run = allotment.run(yearMonth);
        // the run commits member by member (each allotment its own transaction), so its record is one of its own
        tx.executeWithoutResult(s -> audit.record(actor, "COUPON_ALLOTMENT_RUN", "allotment:" + month, null, run));
        return run;
    }
}
