package io.unimember.member.operators;

import io.unimember.common.admin.Role;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The operator API's bodies. */
final class OperatorRequests {

    private OperatorRequests() {}

    record CreateOperator(
            @NotNull
                    @Pattern(
                            regexp = "[a-z][a-z0-9._-]{2,63}",
                            message = "3-64 of a-z 0-9 . _ -, starting with a letter")
                    String username,
            @NotNull Role role,
            @Nullable @Size(max = 32) String bu) {}

    /** The only answer that shows the password and the TOTP secret. */
    record OperatorCreated(
            String operatorId,
            String username,
            Role role,
            @Nullable String bu,
            String password,
            String totpSecret,
            String otpauthUri,
            Instant createdAt) {}

    record SignIn(
            @NotNull @Size(min = 1, max = 64) String username,
            @NotNull @Size(min = 1, max = 128) String password,
            @NotNull @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String totp) {}
}
