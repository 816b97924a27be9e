/** The business units, kept as data: which codes are scenes and which may fund a coupon (common's BusinessUnits). */
@NullMarked
package io.unimember.coupon.businessunits;

import org.jspecify.annotations.NullMarked;
