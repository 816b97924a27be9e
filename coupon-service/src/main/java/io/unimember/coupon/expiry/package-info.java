/** Marks coupons past their end of validity EXPIRED and says so with coupon.expired. */
@NullMarked
package io.unimember.coupon.expiry;

import org.jspecify.annotations.NullMarked;
