/** Small glue shared by the features: SQL time conversion. No business rules. */
@NullMarked
package io.unimember.coupon.support;

import org.jspecify.annotations.NullMarked;
