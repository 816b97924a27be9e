/**
 * The one consumer of order.events.v1 in this service (decision 0043): each batch is fetched and read once, its
 * completed orders go to the campaigns and then its refunds to the refunds feature, in one inbox transaction.
 */
@NullMarked
package io.unimember.coupon.orderevents;

import org.jspecify.annotations.NullMarked;
