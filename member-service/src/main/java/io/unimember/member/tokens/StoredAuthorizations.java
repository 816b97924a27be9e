package io.unimember.member.tokens;

import io.unimember.member.support.Hashing;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Spring's record of each grant, minus the tokens themselves: the access and refresh token values are stored as
 * SHA-256 (a read of the table yields no usable token), the authorization code and state as Spring keeps them (a
 * code lives minutes and works once, with its PKCE verifier). Nothing here looks tokens up by value: refreshes,
 * introspection, revocation and userinfo use our own records. Rows are deleted a day after their last token expired.
 */
final class StoredAuthorizations implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(StoredAuthorizations.class);
    private static final String HASHED = "sha256:";

    private final OAuth2AuthorizationService delegate;
    private final RefreshTokens refreshTokens;
    private final JdbcClient jdbc;
    private final Clock clock;

    StoredAuthorizations(
            OAuth2AuthorizationService delegate, RefreshTokens refreshTokens, JdbcClient jdbc, Clock clock) {
        this.delegate = delegate;
        this.refreshTokens = refreshTokens;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (codeReplayed(authorization)) {
            // Spring invalidates the tokens of an authorization whose code came back; ours live in the refresh
            // family of the same id and in the revocation list, so end them there (RFC 6749 §4.1.2)
            log.warn("authorization code of {} presented again: revoking its tokens", authorization.getId());
            refreshTokens.revokeFamily(authorization.getId(), "CODE_REUSED");
        }
        OAuth2Authorization.Builder stored = OAuth2Authorization.from(authorization);
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        if (access != null && !access.getToken().getTokenValue().startsWith(HASHED)) {
            OAuth2AccessToken token = access.getToken();
            stored.token(
                    new OAuth2AccessToken(
                            token.getTokenType(),
                            hashed(token.getTokenValue()),
                            token.getIssuedAt(),
                            token.getExpiresAt(),
                            token.getScopes()),
                    metadata -> metadata.putAll(access.getMetadata()));
        }
        OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
        if (refresh != null && !refresh.getToken().getTokenValue().startsWith(HASHED)) {
            OAuth2RefreshToken token = refresh.getToken();
            stored.token(
                    new OAuth2RefreshToken(hashed(token.getTokenValue()), token.getIssuedAt(), token.getExpiresAt()),
                    metadata -> metadata.putAll(refresh.getMetadata()));
        }
        delegate.save(stored.build());
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        if (tokenType != null // OAuth2TokenType.equals does not declare a nullable argument
                && (OAuth2TokenType.ACCESS_TOKEN.equals(tokenType)
                        || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            return delegate.findByToken(hashed(token), tokenType);
        }
        OAuth2Authorization found = delegate.findByToken(token, tokenType);
        return found != null || tokenType != null ? found : delegate.findByToken(hashed(token), null);
    }

    /** The code was used and the tokens it gave are now invalidated: Spring's answer to a second use of the code. */
    private static boolean codeReplayed(OAuth2Authorization authorization) {
        var code = authorization.getToken(OAuth2AuthorizationCode.class);
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        return code != null && code.isInvalidated() && access != null && access.isInvalidated();
    }

    /** Forgets authorizations a day after the last of their code and tokens expired, in small batches. */
    @Scheduled(fixedDelayString = "${unimember.tokens.cleanup-every:PT1H}", initialDelayString = "PT7M")
    void deleteExpired() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
        int deleted = jdbc.sql("DELETE FROM oauth2_authorization WHERE COALESCE(refresh_token_expires_at,"
                        + " access_token_expires_at, authorization_code_expires_at) < ? LIMIT 5000")
                .param(cutoff)
                .update();
        if (deleted > 0) {
            log.info("deleted {} expired authorizations", deleted);
        }
    }

    private static String hashed(String value) {
        return HASHED + Hashing.sha256Hex(value);
    }
}
