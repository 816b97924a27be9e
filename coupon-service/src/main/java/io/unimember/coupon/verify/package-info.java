/** Merchant POS verification: redeem the coupon whose opaque code the member shows. */
@NullMarked
package io.unimember.coupon.verify;

import org.jspecify.annotations.NullMarked;
