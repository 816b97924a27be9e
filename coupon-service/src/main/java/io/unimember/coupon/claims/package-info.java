/** Members claim a coupon of a claimable template, idempotently on the Idempotency-Key header. */
@NullMarked
package io.unimember.coupon.claims;

import org.jspecify.annotations.NullMarked;
