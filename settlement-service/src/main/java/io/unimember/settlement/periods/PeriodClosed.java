package io.unimember.settlement.periods;

import java.time.Instant;
import java.util.List;

/**
 * A period was closed just now (published in the closing transaction, once per period): each party's net position
 * is final. Webhooks tell each party's endpoints.
 */
public record PeriodClosed(String period, Instant closedAt, List<PartyNet> partyNets) {}
