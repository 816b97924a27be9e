package io.unimember.settlement.periods;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A period's totals and net positions: frozen at close, or computed now (and marked provisional) while it is open.
 *
 * @param grossFen what changes hands before netting (the sum of receivable lines)
 * @param linesSumFen the sum of all journal lines of the period: zero
 */
public record PeriodSummary(
        String period,
        PeriodStatus status,
        boolean provisional,
        @Nullable Instant closedAt,
        long postingCount,
        long lineCount,
        long grossFen,
        long linesSumFen,
        List<NetPosition> netPositions,
        List<PartyNet> partyNets) {}
