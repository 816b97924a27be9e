package io.unimember.member.login;

import io.unimember.common.risk.RiskEngine;
import io.unimember.common.risk.Signals;
import io.unimember.common.web.ApiException;
import io.unimember.member.members.PhoneNumber;
import io.unimember.member.members.PhoneProtection;
import io.unimember.member.risk.Registrations;
import io.unimember.member.support.Hashing;
import io.unimember.member.support.RandomIds;
import io.unimember.member.tokens.TokenIssuer;
import io.unimember.member.tokens.TokenResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends login codes and checks them. A wrong guess is counted (and commits) before the error goes out; enough of
 * them lock the phone. The first correct login registers the member.
 */
@Service
class OtpLogin {

    private static final int CODE_DIGITS = 6;

    private final OtpChallengeRepository challenges;
    private final OtpRateLimiter rateLimiter;
    private final PhoneProtection phones;
    private final SmsSender sms;
    private final Registrations registrations;
    private final TokenIssuer tokens;
    private final TransactionTemplate tx;
    private final OtpProperties properties;
    private final Clock clock;

    OtpLogin(
            OtpChallengeRepository challenges,
            OtpRateLimiter rateLimiter,
            PhoneProtection phones,
            SmsSender sms,
            Registrations registrations,
            TokenIssuer tokens,
            TransactionTemplate tx,
            OtpProperties properties,
            Clock clock,
            Environment environment) {
        if (properties.fixedCode() != null && !environment.matchesProfiles("demo")) {
            throw new IllegalStateException("unimember.otp.fixed-code is allowed only in the demo profile");
        }
        this.challenges = challenges;
        this.rateLimiter = rateLimiter;
        this.phones = phones;
        this.sms = sms;
        this.registrations = registrations;
        this.tokens = tokens;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends a fresh code unless the phone is locked or asked too often. Returns how long the code lives. */
    Duration sendCode(PhoneNumber phone) {
        String phoneHash = phones.hash(phone);
        Instant now = clock.instant();
        Optional<OtpChallengeRepository.Challenge> current = challenges.find(phoneHash);
        current.map(OtpChallengeRepository.Challenge::lockedUntil)
                .filter(until -> until.isAfter(now))
                .ifPresent(until -> {
                    throw locked(until, now);
                });
        Duration wait = rateLimiter.acquire(phoneHash);
        if (!wait.isZero()) {
            throw new TooManyRequests("OTP_RATE_LIMITED", "too many codes requested for this phone; retry later", wait);
        }
        String code = properties.fixedCode() != null ? properties.fixedCode() : RandomIds.digits(CODE_DIGITS);
        challenges.saveCode(phoneHash, codeHash(phoneHash, code), now.plus(properties.codeTtl()), now);
        sms.send(phone, code);
        return properties.codeTtl();
    }

    /** Checks the code and answers with tokens, registering the member on their first login. */
    TokenResponse login(PhoneNumber phone, String code, Signals signals) {
        return tokens.forMember(signIn(phone, code, signals));
    }

    /**
     * Checks the code and answers with the member's id, registering them on their first sign-in: the login API's
     * check, and the sign-in page's (where the authorization server, not this API, issues the tokens).
     */
    String signIn(PhoneNumber phone, String code, Signals signals) {
        String phoneHash = phones.hash(phone);
        Outcome outcome = tx.execute(status -> attempt(phone, phoneHash, code, signals));
        return switch (outcome) {
            case Outcome.Success success -> success.memberId();
            case Outcome.Parked parked -> throw new RegistrationUnderReview(parked.reviewId());
            case Outcome.Refused refused -> throw RiskEngine.denied();
            case Outcome.Wrong wrong ->
                throw ApiException.badRequest("INVALID_OTP", "the code is wrong or has expired");
            case Outcome.Locked locked -> throw locked(locked.until(), clock.instant());
            case null -> throw new IllegalStateException("no login outcome");
        };
    }

    private sealed interface Outcome {
        record Success(String memberId) implements Outcome {}

        record Parked(String reviewId) implements Outcome {}

        record Refused() implements Outcome {}

        record Wrong() implements Outcome {}

        record Locked(Instant until) implements Outcome {}
    }

    private Outcome attempt(PhoneNumber phone, String phoneHash, String code, Signals signals) {
        Instant now = clock.instant();
        Optional<OtpChallengeRepository.Challenge> challenge = challenges.lock(phoneHash);
        Instant lockedUntil =
                challenge.map(OtpChallengeRepository.Challenge::lockedUntil).orElse(null);
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return new Outcome.Locked(lockedUntil);
        }
        if (!matches(challenge.orElse(null), phoneHash, code, now)) {
            int failures = challenge.map(c -> c.failedAttempts()).orElse(0) + 1;
            Instant lock = failures >= properties.maxFailedAttempts() ? now.plus(properties.lockDuration()) : null;
            challenges.saveFailure(phoneHash, lock == null ? failures : 0, lock, now);
            return lock == null ? new Outcome.Wrong() : new Outcome.Locked(lock);
        }
        challenges.delete(phoneHash); // a refused registration used its code up too
        return switch (registrations.signIn(phone, signals)) {
            case Registrations.SignIn.Admitted admitted -> new Outcome.Success(admitted.memberId());
            case Registrations.SignIn.Parked parked -> new Outcome.Parked(parked.reviewId());
            case Registrations.SignIn.Refused refused -> new Outcome.Refused();
        };
    }

    private boolean matches(
            OtpChallengeRepository.@Nullable Challenge challenge, String phoneHash, String code, Instant now) {
        String fixed = properties.fixedCode();
        if (fixed != null) {
            return Hashing.sameDigest(codeHash(phoneHash, fixed), codeHash(phoneHash, code));
        }
        return challenge != null
                && challenge.codeHash() != null
                && challenge.expiresAt() != null
                && challenge.expiresAt().isAfter(now)
                && Hashing.sameDigest(challenge.codeHash(), codeHash(phoneHash, code));
    }

    /** The code keyed by the phone's hash: a stored value says nothing without the pepper behind that hash. */
    private static String codeHash(String phoneHash, String code) {
        return Hashing.hmacHex(phoneHash, code);
    }

    private static TooManyRequests locked(Instant until, Instant now) {
        return new TooManyRequests(
                "OTP_LOCKED", "too many wrong codes; this phone is locked for a while", Duration.between(now, until));
    }
}
