package io.unimember.member.login;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * One-time login codes.
 *
 * @param codeTtl how long a sent code can be used
 * @param sendLimits how many codes one phone may request per window (every window applies)
 * @param maxFailedAttempts wrong codes in a row before the phone is locked
 * @param lockDuration how long a locked phone cannot log in or request codes
 * @param fixedCode the code every login accepts; allowed only in the {@code demo} profile
 */
@Validated
@ConfigurationProperties("unimember.otp")
record OtpProperties(
        @DefaultValue("PT5M") Duration codeTtl,
        @NotEmpty List<@Valid SendLimit> sendLimits,
        @DefaultValue("5") @Min(1) int maxFailedAttempts,
        @DefaultValue("PT15M") Duration lockDuration,
        @Nullable String fixedCode) {

    record SendLimit(@Min(1) int limit, @NotNull Duration window) {}
}
