/**
 * The entitlement view: what a member can use, where, now. A read model kept from tier, points and coupon events
 * (one MySQL row per member is the record, Redis the cache), served with one Redis read in the common case and
 * never a call to another service.
 */
@NullMarked
package io.unimember.member.entitlements;

import org.jspecify.annotations.NullMarked;
