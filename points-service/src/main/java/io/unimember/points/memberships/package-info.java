/**
 * The paid membership's points multiplier, projected from membership events, which stacks with the tier's by
 * addition (decision 0040): earning never asks tier-service.
 */
@NullMarked
package io.unimember.points.memberships;

import org.jspecify.annotations.NullMarked;
