package io.unimember.member.admin;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One admin write, made in {@code service}; {@code before} and {@code after} are the JSON of the state around it. */
record AuditEntry(
        long id,
        Instant at,
        String service,
        String actor,
        String actorKind,
        String role,
        String action,
        String target,
        @JsonRawValue @Nullable String before,
        @JsonRawValue @Nullable String after) {}
