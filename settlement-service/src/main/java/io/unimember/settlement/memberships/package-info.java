/**
 * Paid membership revenue (design §13): the BU that took a membership payment owes each BU of the plan's revenue
 * split its share; a refund takes the refunded share back (decision 0041).
 */
@NullMarked
package io.unimember.settlement.memberships;

import org.jspecify.annotations.NullMarked;
