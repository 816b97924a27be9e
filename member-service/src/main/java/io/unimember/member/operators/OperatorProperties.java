package io.unimember.member.operators;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operator accounts.
 *
 * @param totpEncryptionSecret encrypts the TOTP secrets at rest; a long random value in production
 * @param maxFailedAttempts wrong passwords or codes in a row before the account locks
 * @param lockDuration how long it stays locked
 * @param bootstrap the first operator, made at start when there is none (production sets it once, then removes it)
 */
@Validated
@ConfigurationProperties("unimember.operators")
public record OperatorProperties(
        @NotBlank String totpEncryptionSecret,
        @DefaultValue("5") @Positive int maxFailedAttempts,
        @DefaultValue("PT15M") Duration lockDuration,
        @Nullable Bootstrap bootstrap) {

    /** The first operator's username, password and base32 TOTP secret (an OPERATOR). */
    public record Bootstrap(String username, String password, String totpSecret) {}
}
