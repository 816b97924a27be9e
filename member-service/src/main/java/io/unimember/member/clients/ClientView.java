package io.unimember.member.clients;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A client as operators see it: never its secret (nor its hash). */
record ClientView(
        String clientId,
        ClientKind kind,
        @Nullable String bu,
        @Nullable String merchantId,
        List<String> scopes,
        @Nullable String name,
        List<String> redirectUris,
        boolean publicApp,
        Instant createdAt,
        @Nullable Instant disabledAt) {}
