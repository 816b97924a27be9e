/**
 * Risk control against scripted abuse (design §14): the signals a request carries ({@link Signals}), counted in
 * sliding windows in Redis ({@link SlidingWindows}); the operators' rules as data ({@link RiskPolicy}, published to
 * Redis by member-service and read here by every service, {@link RiskPolicies}); the decision at each point that
 * costs money ({@link RiskEngine}); the frozen members ({@link FrozenMembers}); and the record of each decision in the
 * deciding service's database ({@link RiskDecisions}).
 */
@NullMarked
package io.unimember.common.risk;

import org.jspecify.annotations.NullMarked;
