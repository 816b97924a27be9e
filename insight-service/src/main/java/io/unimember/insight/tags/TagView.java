package io.unimember.insight.tags;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A tag definition as the API shows it. */
record TagView(
        String name,
        TagKind kind,
        @Nullable String expression,
        @Nullable String description,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {}
