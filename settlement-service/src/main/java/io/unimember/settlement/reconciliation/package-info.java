/**
 * Reconciliation: an independent tally of what points- and coupon-service reported as redeemed, kept by a second
 * consumer straight from the raw events, compared per (benefit, owing party, owed party) with the journal.
 */
@NullMarked
package io.unimember.settlement.reconciliation;

import org.jspecify.annotations.NullMarked;
