package io.unimember.settlement.periods;

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
        return closer.close(PeriodKey.fromPath(period), actor(caller));
    }

    /**
     * A month's settlement: open or closed, and its net positions.
     */
    @GetMapping("/api/v1/admin/settlement/periods/{period}")
    PeriodSummary get(@PathVariable String period) {
        return periods.summary(PeriodKey.fromPath(period));
    }

    /** Who did it, for the record; a token always names its subject, but the column must never be empty. */
    private static String actor(Caller caller) {
        String subject = caller.subject();
        return subject == null || subject.isBlank() ? "unknown" : subject;
    }
}
