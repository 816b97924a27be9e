package io.unimember.settlement.statements;

import io.unimember.settlement.periods.PeriodStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The statements of a period the caller may see: a BU its own one, admin every party with postings. */
record StatementsView(
        String period,
        PeriodStatus status,
        boolean provisional,
        @Nullable Instant closedAt,
        List<PartyStatement> statements) {}
