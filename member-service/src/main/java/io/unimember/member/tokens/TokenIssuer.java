package io.unimember.member.tokens;

import io.unimember.common.security.Claims;
import io.unimember.common.security.Scopes;
import io.unimember.member.clients.RegisteredClient;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place access tokens get their claims (DESIGN §3), whichever way they are asked for: a phone login, a
 * refresh, or a grant of the authorization server (client credentials, an app's authorization code).
 */
@Service
public class TokenIssuer {

    /** Names the app a member authorized, on tokens it got for them (absent on the first-party app's tokens). */
    static final String AUTHORIZED_PARTY = "azp";

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TokenProperties properties;

    TokenIssuer(AccessTokens accessTokens, RefreshTokens refreshTokens, TokenProperties properties) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
    }

    /** Tokens for a member who just proved who they are (a login): an access token and a new refresh family. */
    @Transactional
    public TokenResponse forMember(String memberId) {
        AccessTokens.Minted access = memberAccess(memberId, List.of(Scopes.MEMBER), null);
        RefreshTokens.Started started = refreshTokens.start(null, memberId, null, Scopes.MEMBER);
        refreshTokens.recordAccess(started.familyId(), access);
        return TokenResponse.of(access, started.refreshToken(), memberId);
    }

    /** A member's access token; {@code clientId} is the app acting for them, null for the first-party app. */
    AccessTokens.Minted memberAccess(String memberId, Collection<String> scopes, @Nullable String clientId) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(Claims.MEMBER_ID, memberId);
        if (clientId != null) {
            claims.put(AUTHORIZED_PARTY, clientId);
        }
        return accessTokens.mint(memberId, scopes, claims, properties.memberAccessTtl());
    }

    /**
     * An operator's admin token: scope {@code admin}, naming the operator and their role (and a BU admin's BU). No
     * refresh token: an operator signs in again, with both factors.
     */
    public TokenResponse forOperator(String operatorId, String role, @Nullable String bu) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("operator_id", operatorId);
        claims.put("role", role);
        if (bu != null) {
            claims.put(Claims.BU, bu);
        }
        return TokenResponse.of(
                accessTokens.mint(operatorId, List.of(Scopes.ADMIN), claims, properties.operatorAccessTtl()),
                null,
                null);
    }

    /** A BU's, merchant's or admin client's own access token. */
    AccessTokens.Minted clientAccess(RegisteredClient client, Collection<String> scopes) {
        Map<String, String> claims = new LinkedHashMap<>();
        switch (client.kind()) {
            case BU -> claims.put(Claims.BU, required(client.bu(), client));
            case MERCHANT -> {
                claims.put(Claims.MERCHANT_ID, required(client.merchantId(), client));
                claims.put(Claims.BU, required(client.bu(), client));
            }
            case ADMIN, MEMBER_APP -> {}
        }
        return accessTokens.mint(client.clientId(), scopes, claims, properties.clientAccessTtl());
    }

    private static String required(@Nullable String value, RegisteredClient client) {
        if (value == null) {
            throw new IllegalStateException("client " + client.clientId() + " is missing a claim value");
        }
        return value;
    }
}
