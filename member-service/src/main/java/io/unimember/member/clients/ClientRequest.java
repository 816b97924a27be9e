package io.unimember.member.clients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An admin's request to register a BU or merchant client. */
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
        @NotEmpty @Size(max = 8) List<@NotBlank @Size(max = 32) String> scopes) {

    /** The kinds an admin may register; admin clients are provisioned, not created over the API. */
    enum Kind {
        BU,
        MERCHANT
    }
}
