package io.unimember.member.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.unimember.common.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/members/me/logout}: the presented access token is revoked at once (gateways and services
 * refuse it from then on), and with {@code refresh_token} in the body that token's family too. 204.
 */
@RestController
class LogoutController {

    private final Logout logout;

    LogoutController(Logout logout) {
        this.logout = logout;
    }

    record LogoutRequest(@JsonProperty("refresh_token") @Nullable @Size(max = 200) String refreshToken) {}

    /**
     * Signs the calling member out, revoking the access token they present at once. Gateways and services refuse it
     * from then on, not only once it expires; with refresh_token in the body that token's family is revoked too, if it
     * is theirs, with the access tokens issued in it. 204. A token without an id or expiry is 400 TOKEN_NOT_REVOCABLE;
     * if the revocation cannot be recorded it is 503, to be retried.
     */
    @PostMapping("/api/v1/members/me/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(Caller caller, @Valid @RequestBody(required = false) @Nullable LogoutRequest request) {
        logout.logout(caller, request == null ? null : request.refreshToken());
    }
}
