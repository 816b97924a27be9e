package io.unimember.member.members;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Secrets that protect phone numbers at rest.
 *
 * @param phonePepper keys the HMAC that finds a member by phone; changing it orphans every existing member
 * @param phoneEncryptionSecret encrypts the stored copy of each phone number
 */
@Validated
@ConfigurationProperties("unimember.members")
public record MemberProperties(@NotBlank String phonePepper, @NotBlank String phoneEncryptionSecret) {}
