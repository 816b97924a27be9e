/**
 * Monthly settlement periods (Asia/Shanghai): which period a posting lands in, closing a period, and netting the
 * positions between each pair of parties. The journal plugs in through {@link io.unimember.settlement.periods.PeriodLedger}.
 */
@NullMarked
package io.unimember.settlement.periods;

import org.jspecify.annotations.NullMarked;
