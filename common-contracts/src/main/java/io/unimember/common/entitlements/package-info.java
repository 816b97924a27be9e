/**
 * The entitlement view as member-service caches it and the gateway reads it: the stored view, how it is kept in Redis
 * ({@link io.unimember.common.entitlements.CachedViews}), and how a lookup renders it for a scene and an amount.
 */
@NullMarked
package io.unimember.common.entitlements;

import org.jspecify.annotations.NullMarked;
