package io.unimember.member.clients;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A registered OAuth2 client without its secret: what a token for it says. */
public record RegisteredClient(
        String clientId, ClientKind kind, @Nullable String bu, @Nullable String merchantId, List<String> scopes) {}
