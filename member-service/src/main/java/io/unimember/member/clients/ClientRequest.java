package io.unimember.member.clients;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An operator's request to register a BU's or merchant's client, or an app members sign in to ({@code MEMBER_APP}:
 * its name for the consent page, its redirect URIs, and {@code public} for a mini-program that holds no secret).
 */
record ClientRequest(
        @Nullable
                @Pattern(
                        regexp = "[a-z0-9][a-z0-9._-]{2,63}",
                        message = "3-64 of a-z 0-9 . _ -, starting with a letter or digit")
                String clientId,
        @NotNull Kind kind,
        @NotBlank @Size(max = 32) String bu,
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "1-64 of A-Z a-z 0-9 . _ -")
                String merchantId,
        @NotEmpty @Size(max = 8) List<@NotBlank @Size(max = 32) String> scopes,
        @Nullable
                @Size(min = 1, max = 100)
                @Pattern(regexp = "[^\\u0000-\\u001F<>]+", message = "no control characters or <>")
                String name,
        @Nullable @Size(max = 5)
                List<
                                @NotBlank @Size(max = 200)
                                @Pattern(
                                        regexp = "(https://|http://127\\.0\\.0\\.1[:/]|[a-z][a-z0-9.+-]*:/)[^\\s#]*",
                                        message = "https, loopback http or an app scheme; no fragment")
                                String>
                        redirectUris,
        @JsonProperty("public") @Nullable Boolean publicApp) {

    /** The kinds an operator may register; admin clients are provisioned, not created over the API. */
    enum Kind {
        BU,
        MERCHANT,
        MEMBER_APP
    }

    List<String> redirectUrisOrNone() {
        return redirectUris == null
                ? List.of()
                : redirectUris.stream().distinct().toList();
    }
}
