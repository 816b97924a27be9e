/**
 * The business figures per day and month: per campaign issued/redeemed/cost, cross-BU conversion per BU pair,
 * members by tier and stage, the points liability; JSON endpoints and Prometheus gauges over the figures store.
 */
@NullMarked
package io.unimember.insight.figures;

import org.jspecify.annotations.NullMarked;
