package io.unimember.member.clients;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer to a registration: the only time the secret is shown (none for a public app). */
record ClientCreated(
        String clientId,
        @Nullable String clientSecret,
        ClientKind kind,
        String bu,
        @Nullable String merchantId,
        List<String> scopes,
        @Nullable String name,
        List<String> redirectUris,
        Instant createdAt) {}
