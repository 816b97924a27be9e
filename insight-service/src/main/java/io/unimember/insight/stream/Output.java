package io.unimember.insight.stream;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the member processor hands on: a segment membership, or a period's figure deltas. */
sealed interface Output {

    /** {@code json} null: the member left the segment (a tombstone on the compacted topic). */
    record Membership(@Nullable String json) implements Output {}

    record FigureDeltas(Map<String, Long> deltas) implements Output {}
}
