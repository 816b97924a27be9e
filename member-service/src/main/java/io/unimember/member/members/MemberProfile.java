package io.unimember.member.members;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A member as they and those they allow see them: the phone only masked. */
public record MemberProfile(
        String memberId,
        String phoneMasked,
        @Nullable String nickname,
        @Nullable LocalDate birthday,
        Instant registeredAt) {}
