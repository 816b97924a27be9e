/**
 * Risk control in coupon-service (design §14, decision 0062): the decisions at claim, exchange and reward, and what
 * an operator's decision on a parked one does (a coupon approved or rejected, an exchange carried on or failed).
 */
@NullMarked
package io.unimember.coupon.risk;

import org.jspecify.annotations.NullMarked;
