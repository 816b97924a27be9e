/**
 * The Kafka Streams topology: the events of every member, in member order, through one processor that keeps the
 * member's state, and the figures' aggregation behind it.
 */
@NullMarked
package io.unimember.insight.stream;

import org.jspecify.annotations.NullMarked;
