/** A coupon's terms and the discount arithmetic: pure, long fen only. */
@NullMarked
package io.unimember.coupon.terms;

import org.jspecify.annotations.NullMarked;
