/**
 * One member's insight state (orders of the last 365 days, per-BU recency, tier, coupons, points) and what is
 * computed from it: the windows' frequency and monetary value, the lifecycle stage and the RFM quintiles.
 */
@NullMarked
package io.unimember.insight.members;

import org.jspecify.annotations.NullMarked;
