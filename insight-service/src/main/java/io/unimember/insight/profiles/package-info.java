/**
 * A member's profile, {@code GET /api/v1/admin/members/{id}/profile}: read from the members store of the instance
 * that holds the member's partition (Kafka Streams interactive queries), forwarded there when it is another.
 */
@NullMarked
package io.unimember.insight.profiles;

import org.jspecify.annotations.NullMarked;
