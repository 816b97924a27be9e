/**
 * The settlement journal: append-only and double-entry, one posting per {@code coupon.redeemed} or
 * {@code points.redeemed} event, priced at the time the benefit was used and placed in an open period.
 */
@NullMarked
package io.unimember.settlement.journal;

import org.jspecify.annotations.NullMarked;
