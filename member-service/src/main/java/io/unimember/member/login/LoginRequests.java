package io.unimember.member.login;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unimember.member.members.PhoneNumber;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The bodies of the login endpoints. */
final class LoginRequests {

    private LoginRequests() {}

    record CodeRequest(
            @Schema(example = "+8613800138000")
                    @NotNull
                    @Pattern(regexp = PhoneNumber.REGEX, message = "must be a China mobile or E.164 number")
                    String phone) {}

    record Login(
            @Schema(example = "+8613800138000")
                    @NotNull
                    @Pattern(regexp = PhoneNumber.REGEX, message = "must be a China mobile or E.164 number")
                    String phone,
            @Schema(example = "000000") @NotNull @Pattern(regexp = "\\d{6}", message = "must be 6 digits")
                    String otp) {}

    record CodeSent(String phoneMasked, long expiresIn) {}

    /** A registration risk control parked: the member signs in once an operator approves review {@code reviewId}. */
    record UnderReview(@Schema(example = "PENDING_REVIEW") String status, String reviewId) {}
}
