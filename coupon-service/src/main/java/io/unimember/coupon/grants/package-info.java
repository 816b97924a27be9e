/** A BU grants a coupon of a template it funds to a member, idempotently on grantId. */
@NullMarked
package io.unimember.coupon.grants;

import org.jspecify.annotations.NullMarked;
