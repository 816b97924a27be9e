package io.unimember.member.tokens;

import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends every session of a member at once (an account deletion): all refresh families and their access tokens. */
@Service
public class MemberSessions {

    private final RefreshTokens refreshTokens;
    private final RevokedAccessTokens revokedAccess;

    MemberSessions(RefreshTokens refreshTokens, RevokedAccessTokens revokedAccess) {
        this.refreshTokens = refreshTokens;
        this.revokedAccess = revokedAccess;
    }

    /** Revokes every family of the member and the token they are calling with (which may belong to none). */
    @Transactional
    public void endAll(String memberId, Jwt presented) {
        refreshTokens.revokeAllOf(memberId, "ACCOUNT_DELETED");
        Instant expiresAt = presented.getExpiresAt();
        if (presented.getId() != null && expiresAt != null) {
            revokedAccess.revoke(presented.getId(), memberId, expiresAt);
        }
    }
}
