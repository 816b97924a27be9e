/** Coupon templates: created by admin, or by a BU with bu:campaigns for coupons it funds. */
@NullMarked
package io.unimember.coupon.templates;

import org.jspecify.annotations.NullMarked;
