/** Growth: the ledger of growth earned by completed orders and reversed by refunds, over a rolling window. */
@NullMarked
package io.unimember.tier.growth;

import org.jspecify.annotations.NullMarked;
