package io.unimember.member.tokens;

import org.springframework.http.HttpStatus;

/** An RFC 6749 §5.2 error of the token endpoint: {@code {error, error_description}} with 400 or 401. */
class OAuthException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final boolean basicChallenge;

    private OAuthException(HttpStatus status, String error, String description, boolean basicChallenge) {
        super(description);
        this.status = status;
        this.error = error;
        this.basicChallenge = basicChallenge;
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_request", description, false);
    }

    static OAuthException invalidClient(boolean usedBasic) {
        return new OAuthException(HttpStatus.UNAUTHORIZED, "invalid_client", "client authentication failed", usedBasic);
    }

    static OAuthException invalidGrant(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_grant", description, false);
    }

    static OAuthException invalidScope(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_scope", description, false);
    }

    static OAuthException unsupportedGrantType(String grantType) {
        return new OAuthException(
                HttpStatus.BAD_REQUEST,
                "unsupported_grant_type",
                "grant_type " + grantType + " is not supported",
                false);
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }

    boolean basicChallenge() {
        return basicChallenge;
    }
}
