/**
 * Campaign bonus growth (design §12, decision 0067): coupon-service's {@code campaign.rewarded BONUS_GROWTH} adds
 * growth as an order would, once per (campaign, member, occurrence).
 */
@NullMarked
package io.unimember.tier.campaignbonus;

import org.jspecify.annotations.NullMarked;
