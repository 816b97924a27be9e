/** Issued coupons: the store every other feature reads and moves through its states, and the client view. */
@NullMarked
package io.unimember.coupon.coupons;

import org.jspecify.annotations.NullMarked;
