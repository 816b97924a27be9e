/** The events the topology reads, as the few fields each figure needs, and their event time. */
@NullMarked
package io.unimember.insight.events;

import org.jspecify.annotations.NullMarked;
