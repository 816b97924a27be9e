package io.unimember.settlement.periods;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: close a period, and see a period's totals and net positions. */
@RestController
class PeriodController {

    private final PeriodCloser closer;
    private final Periods periods;

    PeriodController(PeriodCloser closer, Periods periods) {
        this.closer = closer;
        this.periods = periods;
    }

    /**
     * Closes a month: nets what the BUs owe each other and writes their statements. Idempotent: closing a closed
     * period answers the result stored when it was closed.
     */
    @PostMapping("/api/v1/admin/settlement/periods/{period}/close")
    PeriodSummary close(Caller caller, @PathVariable String period) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR, Role.FINANCE);
        return closer.close(PeriodKey.fromPath(period), actor);
    }

    /**
     * A month's settlement: open or closed, and its net positions.
     */
    @GetMapping("/api/v1/admin/settlement/periods/{period}")
    PeriodSummary get(@PathVariable String period) {
        return periods.summary(PeriodKey.fromPath(period));
    }
}
