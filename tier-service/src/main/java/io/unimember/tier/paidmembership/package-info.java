/**
 * Paid membership (神会员 / 88VIP / PLUS) beside the earned tier: plans, purchases and their payment by a BU,
 * renewal, cancellation, the lapse after an unpaid renewal's grace, counted benefits and refunds (design §13).
 * Named apart from {@code membership}, which is a member's earned tier (decision 0039).
 */
@NullMarked
package io.unimember.tier.paidmembership;

import org.jspecify.annotations.NullMarked;
