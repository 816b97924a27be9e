package io.unimember.member.tokens;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The RFC 6749 token response; a member login adds {@code refresh_token} and {@code member_id}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("scope") String scope,
        @JsonProperty("refresh_token") @Nullable String refreshToken,
        @JsonProperty("member_id") @Nullable String memberId) {

    static TokenResponse of(AccessTokens.Minted access, @Nullable String refreshToken, @Nullable String memberId) {
        return new TokenResponse(access.value(), "Bearer", access.expiresIn(), access.scope(), refreshToken, memberId);
    }
}
