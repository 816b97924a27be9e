/**
 * Campaign bonus points (design §12, decision 0067): coupon-service's {@code campaign.rewarded BONUS_POINTS} credits
 * a fixed bonus, or opens a window in which the member's orders earn a multiple, both funded by the campaign's BU
 * (the lots are that BU's, so settlement has it owe whoever the points are spent at, as for any points).
 */
@NullMarked
package io.unimember.points.campaignbonus;

import org.jspecify.annotations.NullMarked;
