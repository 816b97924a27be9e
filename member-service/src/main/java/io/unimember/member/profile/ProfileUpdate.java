package io.unimember.member.profile;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /api/v1/members/me}: only the fields given change. A blank nickname is refused by the controller. */
record ProfileUpdate(
        @Nullable
                @Size(min = 1, max = 32)
                @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                String nickname,
        @Nullable @PastOrPresent LocalDate birthday) {}
