package io.unimember.member.login;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.unimember.common.risk.Signals;
import io.unimember.common.web.Problems;
import io.unimember.member.members.PhoneNumber;
import io.unimember.member.tokens.TokenResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/otp} and {@code POST /api/v1/auth/login}: public, so they guard themselves. */
@RestController
class LoginController {

    private final OtpLogin otp;

    LoginController(OtpLogin otp) {
        this.otp = otp;
    }

    /**
     * Sends a one-time login code to a phone by SMS. Public (no token). Answers 202 with the phone masked and how many
     * seconds the code lives; a new request replaces the code. Asking too often for one phone is 429 OTP_RATE_LIMITED,
     * and a phone locked after wrong codes 429 OTP_LOCKED, both with Retry-After.
     */
    @PostMapping("/api/v1/auth/otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    LoginRequests.CodeSent sendCode(@Valid @RequestBody LoginRequests.CodeRequest request) {
        PhoneNumber phone = parse(request.phone());
        Duration ttl = otp.sendCode(phone);
        return new LoginRequests.CodeSent(phone.masked(), ttl.toSeconds());
    }

    /**
     * Signs a member in with the code sent to their phone. Public (no token); the first login registers the member.
     * Answers an access token and a refresh token, not to be cached. A wrong or expired code is 400 INVALID_OTP; enough
     * wrong codes lock the phone for a while: 429 OTP_LOCKED, with Retry-After. A registration risk control refuses is
     * 403 RISK_DENIED; one it parks answers 202 {status: PENDING_REVIEW, reviewId} and no tokens, until an operator
     * approves. Send the app's device fingerprint as X-Device-Id.
     */
    @PostMapping("/api/v1/auth/login")
    @ApiResponse(
            responseCode = "200",
            description = "signed in",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(
            responseCode = "202",
            description = "the registration is under review: no tokens until an operator approves",
            content = @Content(schema = @Schema(implementation = LoginRequests.UnderReview.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequests.Login request, HttpServletRequest http) {
        TokenResponse tokens = otp.login(parse(request.phone()), request.otp(), Signals.of(http, null));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
    }

    /** A registration parked by risk control: the member signs in once an operator approves. */
    @ExceptionHandler(RegistrationUnderReview.class)
    ResponseEntity<LoginRequests.UnderReview> underReview(RegistrationUnderReview e) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .cacheControl(CacheControl.noStore())
                .body(new LoginRequests.UnderReview("PENDING_REVIEW", e.reviewId()));
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequests e) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.code(), e.getMessage());
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    private static PhoneNumber parse(String raw) {
        // the request's pattern already admits only numbers parse accepts
        return PhoneNumber.parse(raw).orElseThrow(() -> new IllegalArgumentException("unparseable phone"));
    }
}
