package io.unimember.member.tokens;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The client id and secret of a token request, from HTTP Basic (RFC 6749 §2.3.1: each form-url-encoded, then
 * base64) or from the form; using both at once is an error.
 */
record ClientCredentials(String clientId, String secret, boolean basic) {

    static @Nullable ClientCredentials from(@Nullable String authorization, TokenRequest request) {
        String formId = request.get("client_id");
        String formSecret = request.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                throw OAuthException.invalidRequest("use one client authentication method, not two");
            }
            ClientCredentials basic = decodeBasic(authorization.substring(6).trim());
            if (formId != null && !formId.equals(basic.clientId())) {
                throw OAuthException.invalidRequest("client_id does not match the authenticated client");
            }
            return basic;
        }
        if (formId != null && formSecret != null) {
            return new ClientCredentials(formId, formSecret, false);
        }
        return null;
    }

    private static ClientCredentials decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw OAuthException.invalidClient(true);
            }
            return new ClientCredentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8),
                    true);
        } catch (IllegalArgumentException notBase64) {
            throw OAuthException.invalidClient(true);
        }
    }
}
