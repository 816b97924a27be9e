/**
 * Signed webhooks (design §16, decision 0055): BUs and merchants register endpoints for the events that concern
 * them; a listener writes one delivery per endpoint and event in the event's batch, and a sender posts them signed,
 * in order per member, at least once, retrying with backoff for a day before dead-lettering.
 */
@NullMarked
package io.unimember.settlement.webhooks;

import org.jspecify.annotations.NullMarked;
