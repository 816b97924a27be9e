/** Small glue shared by the features: SQL time conversion and field-level 400s. No business rules. */
@NullMarked
package io.unimember.coupon.support;

import org.jspecify.annotations.NullMarked;
