/**
 * Refunded orders reach the coupons (decision 0037): on a full refund the 神券 redeemed on the order come back, and
 * the rewards the order earned are taken back if unused.
 */
@NullMarked
package io.unimember.coupon.refunds;

import org.jspecify.annotations.NullMarked;
