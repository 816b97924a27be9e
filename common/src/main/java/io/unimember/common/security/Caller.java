package io.unimember.common.security;

import io.unimember.common.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, read from the verified token: a member, a BU client or a merchant. Controllers take identity only
 * from here, never from a header or the body, so no one acts as someone else.
 */
public record Caller(Jwt token) {

    public String memberId() {
        return required(Claims.MEMBER_ID, "a member token is required");
    }

    public String bu() {
        return required(Claims.BU, "a business-unit token is required");
    }

    public String merchantId() {
        return required(Claims.MERCHANT_ID, "a merchant token is required");
    }

    public boolean hasScope(String scope) {
        String scopes = token.getClaimAsString(Claims.SCOPE);
        if (scopes == null) {
            return false;
        }
        for (String s : scopes.split(" ")) {
            if (s.equals(scope)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdmin() {
        return hasScope(Scopes.ADMIN);
    }

    public String subject() {
        return token.getSubject();
    }

    public @Nullable String claim(String name) {
        return token.getClaimAsString(name);
    }

    private String required(String claim, String detail) {
        String value = token.getClaimAsString(claim);
        if (value == null || value.isBlank()) {
            throw ApiException.forbidden("WRONG_PRINCIPAL", detail);
        }
        return value;
    }
}
