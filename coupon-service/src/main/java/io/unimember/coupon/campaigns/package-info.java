/**
 * Campaigns as data (design §12, decision 0043): a trigger, actions, an audience, a schedule and a per-member cap,
 * written by admins and the BUs that fund them, evaluated set-based on each batch of order events, every action at
 * most once per (campaign, member, trigger occurrence).
 */
@NullMarked
package io.unimember.coupon.campaigns;

import org.jspecify.annotations.NullMarked;
