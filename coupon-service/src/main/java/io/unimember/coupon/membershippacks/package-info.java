/**
 * The paid membership's monthly 神券 packs and partner benefits (design §13): issued on activation and then each
 * month of the period, at most once per member and month, like the tier allotment.
 */
@NullMarked
package io.unimember.coupon.membershippacks;

import org.jspecify.annotations.NullMarked;
