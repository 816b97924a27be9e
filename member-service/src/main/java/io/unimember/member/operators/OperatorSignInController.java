package io.unimember.member.operators;

import io.unimember.member.tokens.TokenIssuer;
import io.unimember.member.tokens.TokenResponse;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/operators/token}: an operator signs in with username, password and the current TOTP code
 * for a short-lived admin token naming them and their role (no refresh token: they sign in again).
 */
@RestController
class OperatorSignInController {

    private final Operators operators;
    private final TokenIssuer tokens;

    OperatorSignInController(Operators operators, TokenIssuer tokens) {
        this.operators = operators;
        this.tokens = tokens;
    }

    /**
     * Signs an operator in with username, password and the current TOTP code. Public (no token). Answers a short-lived
     * admin token naming the operator and their role (and a BU admin's BU), not to be cached; there is no refresh
     * token, they sign in again. Wrong credentials, whichever factor, or a disabled account are 401
     * OPERATOR_SIGN_IN_FAILED; enough failures lock the account for a while: 429 OPERATOR_LOCKED.
     */
    @PostMapping("/api/v1/auth/operators/token")
    ResponseEntity<TokenResponse> signIn(@Valid @RequestBody OperatorRequests.SignIn request) {
        Operator operator = operators.signIn(request.username(), request.password(), request.totp());
        TokenResponse token =
                tokens.forOperator(operator.operatorId(), operator.role().name(), operator.bu());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token);
    }
}
