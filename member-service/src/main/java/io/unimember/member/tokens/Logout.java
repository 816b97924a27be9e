package io.unimember.member.tokens;

import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member signs out: the access token they present stops working everywhere at once (not only when it expires),
 * and so does the refresh-token family of the refresh token they hand in, if it is theirs (with the access tokens
 * issued in that family).
 */
@Service
class Logout {

    private static final Logger log = LoggerFactory.getLogger(Logout.class);

    private final RevokedAccessTokens revoked;
    private final RefreshTokens refreshTokens;
    private final TransactionTemplate transaction;

    Logout(RevokedAccessTokens revoked, RefreshTokens refreshTokens, TransactionTemplate transaction) {
        this.revoked = revoked;
        this.refreshTokens = refreshTokens;
        this.transaction = transaction;
    }

    void logout(Caller caller, @Nullable String refreshToken) {
        String memberId = caller.memberId();
        String jti = caller.token().getId();
        Instant expiresAt = caller.token().getExpiresAt();
        if (jti == null || expiresAt == null) {
            throw ApiException.badRequest("TOKEN_NOT_REVOCABLE", "this token has no id or expiry to revoke it by");
        }
        try {
            transaction.executeWithoutResult(status -> {
                if (refreshToken != null) {
                    refreshTokens.revoke(refreshToken, memberId, null, "LOGOUT");
                }
                revoked.revoke(jti, memberId, expiresAt);
            });
        } catch (DataAccessException e) {
            log.warn(
                    "logout could not be recorded and announced: {}",
                    e.getMostSpecificCause().getMessage());
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "SERVICE_UNAVAILABLE",
                    "signing out could not be completed right now; retry");
        }
    }
}
