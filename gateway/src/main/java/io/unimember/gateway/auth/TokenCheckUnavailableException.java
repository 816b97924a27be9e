package io.unimember.gateway.auth;

/** A token could not be checked right now (member-service's JWK set is unreachable): 503, not 401. */
public final class TokenCheckUnavailableException extends RuntimeException {

    TokenCheckUnavailableException(Throwable cause) {
        super("the signing keys are unavailable", cause);
    }
}
