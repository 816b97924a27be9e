/** The monthly tier allotment: a projection of tier.changed and the job that issues each tier's coupons. */
@NullMarked
package io.unimember.coupon.allotment;

import org.jspecify.annotations.NullMarked;
