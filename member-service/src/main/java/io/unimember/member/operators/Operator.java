package io.unimember.member.operators;

import io.unimember.common.admin.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An operator as the API shows them: never their password or TOTP secret. */
record Operator(
        String operatorId,
        String username,
        Role role,
        @Nullable String bu,
        Instant createdAt,
        @Nullable Instant disabledAt) {}
