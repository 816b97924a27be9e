/** The local projection of members' tiers: the points multiplier earning applies. */
@NullMarked
package io.unimember.points.tiers;

import org.jspecify.annotations.NullMarked;
