/**
 * Notifications to members (design §16, decision 0057): an in-app inbox and a {@link
 * io.unimember.settlement.notifications.Notifier} per channel (SMS through {@link
 * io.unimember.settlement.notifications.SmsSender}, app/mini-program push configured by properties), per-member
 * preferences, quiet hours for pushes, at most one message of a kind per member and day; notices of expiring points
 * and coupons and of tier changes, made from projections of the points, coupon and tier events.
 */
@NullMarked
package io.unimember.settlement.notifications;

import org.jspecify.annotations.NullMarked;
