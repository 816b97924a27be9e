/** The one way a coupon is issued: per-member limit, stock and budget decided by guarded updates in MySQL. */
@NullMarked
package io.unimember.coupon.issuing;

import org.jspecify.annotations.NullMarked;
