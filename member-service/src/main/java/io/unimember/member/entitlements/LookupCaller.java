package io.unimember.member.entitlements;

import io.unimember.common.security.BearerTokens;
import io.unimember.common.security.Caller;
import io.unimember.common.security.Claims;
import io.unimember.common.security.Scopes;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Whom a lookup is for, read from its {@code Authorization} header exactly as Spring Security's chain reads it for
 * {@code /api/v1/members/me/**}: a well-formed bearer token ({@link BearerTokens#wellFormed}) that the service's own
 * {@link JwtDecoder} accepts (signature, issuer, audience, expiry, retired keys, revoked tokens), a {@code scope}
 * string holding {@code member}, and a non-blank {@code member_id}. The lean paths use it to decide whether they may
 * answer; it never refuses anything itself.
 */
final class LookupCaller {

    /**
     * What Spring Security's header writers add to every answer of the main port (HSTS only over TLS, which the lean
     * paths never answer): the lean paths add the same, in this order.
     */
    static final List<Map.Entry<String, String>> SECURITY_HEADERS = List.of(
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-XSS-Protection", "0"),
            Map.entry("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"),
            Map.entry("Pragma", "no-cache"),
            Map.entry("Expires", "0"),
            Map.entry("X-Frame-Options", "DENY"));

    private LookupCaller() {}

    /** The member of a valid member token; null for anything else. */
    static @Nullable String member(JwtDecoder tokens, @Nullable String authorization) {
        String token = BearerTokens.wellFormed(authorization);
        if (token == null) {
            return null;
        }
        Jwt jwt;
        try {
            jwt = tokens.decode(token);
        } catch (JwtException e) {
            return null;
        }
        // Spring's authorities come from "scope" when it is present; only its plain form, a string, is read here
        Caller caller = new Caller(jwt);
        if (!(jwt.getClaims().get(Claims.SCOPE) instanceof String) || !caller.hasScope(Scopes.MEMBER)) {
            return null;
        }
        String memberId = caller.claim(Claims.MEMBER_ID);
        return memberId == null || memberId.isBlank() ? null : memberId;
    }
}
