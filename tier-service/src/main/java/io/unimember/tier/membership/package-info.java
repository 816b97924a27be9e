/** Each member's tier: applies order, refund and registration events, and publishes tier events through the outbox. */
@NullMarked
package io.unimember.tier.membership;

import org.jspecify.annotations.NullMarked;
