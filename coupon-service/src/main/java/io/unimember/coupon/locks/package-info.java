/** BU two-phase checkout: lock a coupon for an order, then redeem or release; stale locks expire. */
@NullMarked
package io.unimember.coupon.locks;

import org.jspecify.annotations.NullMarked;
