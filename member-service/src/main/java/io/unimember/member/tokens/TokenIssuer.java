package io.unimember.member.tokens;

import io.unimember.common.security.Claims;
import io.unimember.common.security.Scopes;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features use to give a member tokens: an access token plus the first refresh token of a family. */
@Service
public class TokenIssuer {

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TokenProperties properties;

    TokenIssuer(AccessTokens accessTokens, RefreshTokens refreshTokens, TokenProperties properties) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
    }

    /** Tokens for a member who just proved who they are (a login). */
    @Transactional
    public TokenResponse forMember(String memberId) {
        AccessTokens.Minted access = memberAccess(memberId, List.of(Scopes.MEMBER));
        String refresh = refreshTokens.start(memberId, Scopes.MEMBER);
        return TokenResponse.of(access, refresh, memberId);
    }

    AccessTokens.Minted memberAccess(String memberId, List<String> scopes) {
        return accessTokens.mint(memberId, scopes, Map.of(Claims.MEMBER_ID, memberId), properties.memberAccessTtl());
    }
}
