package io.unimember.gateway.auth;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

/**
 * The token check of {@link AuthenticationFilter} for requests it can decide without waiting: a bearer token this
 * gateway verified before, not revoked, allowed on the path by the same rules. For anything else — no token, a token
 * not seen yet, a refusal — it says nothing, and the request takes the full filter, which verifies and answers.
 */
public final class CachedAdmissions {

    private final AccessRules rules;
    private final TokenVerifier verifier;
    private final RevokedTokens revoked;

    CachedAdmissions(AccessRules rules, TokenVerifier verifier, RevokedTokens revoked) {
        this.rules = rules;
        this.verifier = verifier;
        this.revoked = revoked;
    }

    /** The check for one method and path, with its rule looked up once. */
    public Gate forPath(HttpMethod method, String path) {
        Access access = rules.accessFor(method, PathContainer.parsePath(path));
        if (access.isPublic()) {
            throw new IllegalArgumentException(path + " is public: there is no caller to admit");
        }
        return authorization -> {
            String token = AuthenticationFilter.bearer(authorization);
            VerifiedToken caller = token == null ? null : verifier.cached(token);
            return caller != null && !revoked.isRevoked(caller.tokenId()) && access.allows(caller) ? caller : null;
        };
    }

    /** Admits the callers of one path whose token was already verified. */
    @FunctionalInterface
    public interface Gate {

        /** The caller, or null when the full check must decide. */
        @Nullable
        VerifiedToken admit(@Nullable String authorization);
    }
}
