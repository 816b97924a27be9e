/**
 * Segments: a name and a tag expression; the stream evaluates each member's membership and publishes it to the
 * compacted topic {@code segment.members.v1}, which a campaign's audience reads.
 */
@NullMarked
package io.unimember.insight.segments;

import org.jspecify.annotations.NullMarked;
