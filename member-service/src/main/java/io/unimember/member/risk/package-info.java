/**
 * Risk control's home (design §14, decision 0062): the rules and thresholds operators write, published to every
 * service; the review queue of every service's parked actions; freezing members; and the decision at registration.
 */
@NullMarked
package io.unimember.member.risk;

import org.jspecify.annotations.NullMarked;
