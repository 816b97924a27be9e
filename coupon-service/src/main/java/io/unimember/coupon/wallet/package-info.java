/** A member's own wallet and the coupons usable for a scene and amount, best first. */
@NullMarked
package io.unimember.coupon.wallet;

import org.jspecify.annotations.NullMarked;
