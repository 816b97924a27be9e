/**
 * Subsidy pools (design §12, decision 0044): per funding BU and calendar month, a limit in fen that every coupon it
 * funds draws on when issued, whatever the channel; never exceeded under concurrency, visible as an endpoint and a
 * metric.
 */
@NullMarked
package io.unimember.coupon.budgets;

import org.jspecify.annotations.NullMarked;
