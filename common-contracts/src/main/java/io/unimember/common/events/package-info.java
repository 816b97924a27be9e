/**
 * The events services exchange over Kafka: the envelope, the topics and one record per event type.
 * Producers and consumers share these definitions so a field means the same thing on both sides.
 */
@NullMarked
package io.unimember.common.events;

import org.jspecify.annotations.NullMarked;
