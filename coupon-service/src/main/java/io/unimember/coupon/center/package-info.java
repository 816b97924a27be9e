/** The coupon center (领券中心): what the calling member may claim or exchange now, and why not where not. */
@NullMarked
package io.unimember.coupon.center;

import org.jspecify.annotations.NullMarked;
