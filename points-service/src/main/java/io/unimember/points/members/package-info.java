/**
 * Which member ids exist: a local projection of {@code member.registered}, so the order intake and holds refuse an
 * id no one registered (404 MEMBER_NOT_FOUND, nothing written) without a call to member-service per order.
 */
@NullMarked
package io.unimember.points.members;

import org.jspecify.annotations.NullMarked;
