/** The business units, kept as data: which codes are scenes and which may fund a coupon. */
@NullMarked
package io.unimember.coupon.businessunits;

import org.jspecify.annotations.NullMarked;
