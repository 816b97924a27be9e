package io.unimember.member.operators;

import io.unimember.common.admin.Role;
import io.unimember.common.web.ApiException;
import io.unimember.member.support.AesGcm;
import io.unimember.member.support.RandomIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operator accounts: made with a generated password and TOTP secret (shown once), checked with both factors. Wrong
 * passwords and codes count together (and commit before the error goes out); enough of them lock the account.
 */
@Service
class Operators {

    private final OperatorRepository repository;
    private final OperatorProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AesGcm totpSecrets;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Checked against for an unknown username, so it costs as long as a wrong password. */
    private final String decoyHash = encoder.encode(RandomIds.secret(16));

    Operators(OperatorRepository repository, OperatorProperties properties, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.totpSecrets = new AesGcm(properties.totpEncryptionSecret(), "operator-totp");
    }

    /** A new operator and their factors, which are never shown again. */
    record Created(Operator operator, String password, String totpSecret) {}

    Created create(String username, Role role, @Nullable String bu) {
        return create(username, role, bu, RandomIds.secret(18), Totp.newSecret());
    }

    /** A duplicate username is a {@code DuplicateKeyException}. */
    Created create(String username, Role role, @Nullable String bu, String password, String totpSecret) {
        var operator = new Operator(RandomIds.base32("op_", 12), username, role, bu, clock.instant(), null);
        repository.insert(
                operator,
                encoder.encode(password),
                totpSecrets.encrypt(
                        totpSecret.getBytes(StandardCharsets.US_ASCII), "operator:" + operator.operatorId()));
        return new Created(operator, password, totpSecret);
    }

    /** The operator, if the password and the current TOTP code are theirs; else 401 or 429. */
    Operator signIn(String username, String password, String code) {
        Instant now = clock.instant();
        Outcome outcome = tx.execute(status -> attempt(username, password, code, now));
        return switch (outcome) {
            case Outcome.SignedIn ok -> ok.operator();
            case Outcome.Refused refused ->
                throw new ApiException(
                        HttpStatus.UNAUTHORIZED, "OPERATOR_SIGN_IN_FAILED", "wrong username, password or code");
            case Outcome.Locked locked ->
                throw ApiException.tooManyRequests(
                        "OPERATOR_LOCKED",
                        "too many failed sign-ins; the account is locked for a while",
                        Math.max(1, Duration.between(now, locked.until()).toSeconds()));
            case null -> throw new IllegalStateException("no sign-in outcome");
        };
    }

    private sealed interface Outcome {
        record SignedIn(Operator operator) implements Outcome {}

        record Refused() implements Outcome {}

        record Locked(Instant until) implements Outcome {}
    }

    private Outcome attempt(String username, String password, String code, Instant now) {
        var found = repository.lockByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, decoyHash);
            return new Outcome.Refused();
        }
        OperatorRepository.Credentials account = found.get();
        String id = account.operator().operatorId();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            return new Outcome.Locked(account.lockedUntil());
        }
        boolean passwordOk = encoder.matches(password, account.passwordHash());
        String secret = new String(
                totpSecrets.decrypt(account.totpSecretEncrypted(), "operator:" + id), StandardCharsets.US_ASCII);
        OptionalLong step = passwordOk ? Totp.verify(secret, code, now, account.lastTotpStep()) : OptionalLong.empty();
        if (step.isEmpty() || account.operator().disabledAt() != null) {
            int failures = account.failedAttempts() + 1;
            Instant lock = failures >= properties.maxFailedAttempts() ? now.plus(properties.lockDuration()) : null;
            repository.failed(id, lock == null ? failures : 0, lock);
            return lock == null ? new Outcome.Refused() : new Outcome.Locked(lock);
        }
        repository.signedIn(id, step.getAsLong());
        return new Outcome.SignedIn(account.operator());
    }
}
