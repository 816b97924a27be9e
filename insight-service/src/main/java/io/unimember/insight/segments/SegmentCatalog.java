package io.unimember.insight.segments;

import io.unimember.insight.expressions.Expression;
import java.util.List;

/** The segments the stream evaluates, in memory, replaced as a whole when the definitions are read again. */
public final class SegmentCatalog {

    /** The compacted topic of memberships: key {@code segmentId:memberId}, a tombstone when the member leaves. */
    public static final String TOPIC = "segment.members.v1";

    /** A segment as the stream evaluates it. */
    public record SegmentRule(String segmentId, Expression expression) {}

    private volatile List<SegmentRule> segments = List.of();

    public List<SegmentRule> segments() {
        return segments;
    }

    public void replace(List<SegmentRule> segments) {
        this.segments = List.copyOf(segments);
    }
}
