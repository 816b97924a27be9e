package io.unimember.gateway.auth;

import io.unimember.gateway.web.ServiceUnavailableException;

/** A token could not be checked right now (member-service's JWK set is unreachable): 503, not 401. */
public final class TokenCheckUnavailableException extends ServiceUnavailableException {

    TokenCheckUnavailableException(Throwable cause) {
        super("cannot check tokens", "tokens cannot be checked right now; retry shortly", cause);
    }
}
