package io.unimember.insight.tags;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The bodies the tag endpoints take. */
final class TagRequests {

    private TagRequests() {}

    static final String NAME = "[a-z][a-z0-9_]{1,63}";

    record CreateTag(
            @NotBlank @Pattern(regexp = NAME) String name,
            @NotNull TagKind kind,
            @Nullable @Size(max = 1000) String expression,
            @Nullable @Size(max = 200) String description) {}

    record UpdateTag(@Nullable @Size(max = 1000) String expression, @Nullable @Size(max = 200) String description) {}

    record TagMember(@NotBlank @Pattern(regexp = NAME) String tag) {}
}
