package io.unimember.gateway.auth;

import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a verified token says about its caller, extracted once per token (it is cached until it expires) so a
 * request only reads fields.
 *
 * @param scope the scopes, space-separated, as forwarded downstream
 * @param tokenId the {@code jti}, by which a token is revoked
 * @param role an operator's role ({@code role} claim: OPERATOR, FINANCE, SUPPORT, BU_ADMIN); null on other tokens
 */
public record VerifiedToken(
        String subject,
        @Nullable String memberId,
        @Nullable String bu,
        @Nullable String merchantId,
        Set<String> scopes,
        String scope,
        @Nullable String keyId,
        @Nullable String tokenId,
        long expiresAtMillis,
        @Nullable String role) {

    VerifiedToken(
            String subject,
            @Nullable String memberId,
            @Nullable String bu,
            @Nullable String merchantId,
            Set<String> scopes,
            String scope,
            @Nullable String keyId,
            @Nullable String tokenId,
            long expiresAtMillis) {
        this(subject, memberId, bu, merchantId, scopes, scope, keyId, tokenId, expiresAtMillis, null);
    }

    static final String ATTRIBUTE = VerifiedToken.class.getName();

    /** The caller of an exchange the gateway authenticated, or null on a public path. */
    public static @Nullable VerifiedToken of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static VerifiedToken from(Jwt jwt) {
        String claim = jwt.getClaimAsString("scope");
        Set<String> scopes = claim == null || claim.isBlank()
                ? Set.of()
                : Set.copyOf(Arrays.asList(claim.trim().split("\\s+")));
        Object kid = jwt.getHeaders().get("kid");
        return new VerifiedToken(
                jwt.getSubject() == null ? "" : jwt.getSubject(),
                blankToNull(jwt.getClaimAsString("member_id")),
                blankToNull(jwt.getClaimAsString("bu")),
                blankToNull(jwt.getClaimAsString("merchant_id")),
                scopes,
                String.join(" ", scopes),
                kid == null ? null : kid.toString(),
                blankToNull(jwt.getId()),
                jwt.getExpiresAt() == null ? 0 : jwt.getExpiresAt().toEpochMilli(),
                blankToNull(jwt.getClaimAsString("role")));
    }

    public boolean isMember() {
        return memberId != null;
    }

    public boolean hasScope(String wanted) {
        return scopes.contains(wanted);
    }

    public boolean hasScopeStartingWith(String prefix) {
        for (String s : scopes) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
