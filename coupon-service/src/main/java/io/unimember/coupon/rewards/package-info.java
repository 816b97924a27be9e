/** Reward rules on events: a member's first order in a BU issues a coupon, exactly once. */
@NullMarked
package io.unimember.coupon.rewards;

import org.jspecify.annotations.NullMarked;
