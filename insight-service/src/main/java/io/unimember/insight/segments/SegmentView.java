package io.unimember.insight.segments;

import java.time.Instant;

/** A segment as the API shows it; {@code size} is its members now, as the figures count them. */
record SegmentView(String segmentId, String name, String expression, long size, Instant createdAt, String createdBy) {}
