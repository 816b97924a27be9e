package io.unimember.member.tokens;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Lifetimes and keys of the tokens member-service issues.
 *
 * @param memberAccessTtl how long a member's access token lives
 * @param clientAccessTtl how long a BU's, merchant's or admin's access token lives
 * @param operatorAccessTtl how long an operator's admin token lives (they sign in again with both factors)
 * @param refreshTtl how long a refresh token may be used (each refresh issues a new one)
 * @param keyEncryptionSecret encrypts signing keys' private halves at rest; a long random value in production
 * @param keyReloadInterval how often each instance rereads the keys, to pick up another instance's rotation
 * @param retireGrace kept in the JWKS beyond the longest token lifetime, for clock skew and slow reloads
 * @param publicBaseUrl where clients reach member-service's token endpoints; the issuer when not set
 * @param verifiedCacheSize how many verified tokens member-service remembers ({@link VerifiedTokens}); 0 verifies
 *     every token every time
 */
@Validated
@ConfigurationProperties("unimember.tokens")
public record TokenProperties(
        @DefaultValue("PT15M") Duration memberAccessTtl,
        @DefaultValue("PT60M") Duration clientAccessTtl,
        @DefaultValue("PT30M") Duration operatorAccessTtl,
        @DefaultValue("P30D") Duration refreshTtl,
        @NotBlank String keyEncryptionSecret,
        @DefaultValue("PT30S") Duration keyReloadInterval,
        @DefaultValue("PT2M") Duration retireGrace,
        @Nullable String publicBaseUrl,
        @DefaultValue("20000") @PositiveOrZero int verifiedCacheSize) {

    /** The longest an access token lives: a rotated-out key stays published at least this long. */
    Duration longestAccessTtl() {
        Duration longest = memberAccessTtl.compareTo(clientAccessTtl) >= 0 ? memberAccessTtl : clientAccessTtl;
        return longest.compareTo(operatorAccessTtl) >= 0 ? longest : operatorAccessTtl;
    }
}
