/** insight-service: member insight on Kafka Streams (DESIGN §15). */
@NullMarked
package io.unimember.insight;

import org.jspecify.annotations.NullMarked;
