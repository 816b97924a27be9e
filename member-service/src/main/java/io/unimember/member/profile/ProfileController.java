package io.unimember.member.profile;

import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.common.web.FieldErrors;
import io.unimember.member.members.MemberProfile;
import io.unimember.member.members.Members;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/members/me}: the caller's own profile, never anyone else's (the id comes from the token). */
@RestController
class ProfileController {

    private static final LocalDate EARLIEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    private final Members members;

    ProfileController(Members members) {
        this.members = members;
    }

    /**
     * Reads the calling member's own profile. The member id comes from the token, so it is never anyone else's; the
     * phone is masked. No member with the token's id (a deleted account) is 404 MEMBER_NOT_FOUND.
     */
    @GetMapping("/api/v1/members/me")
    MemberProfile me(Caller caller) {
        return members.profile(caller.memberId()).orElseThrow(ProfileController::notFound);
    }

    /**
     * Changes the calling member's nickname or birthday. Only the fields given change; the member id comes from the
     * token. A nickname needs visible characters and a birthday must be on or after 1900-01-01 (else 400); answers the
     * profile as it now is, or 404 MEMBER_NOT_FOUND for a deleted account.
     */
    @PatchMapping("/api/v1/members/me")
    MemberProfile update(Caller caller, @Valid @RequestBody ProfileUpdate update) {
        if (update.nickname() != null && update.nickname().isBlank()) {
            throw FieldErrors.invalid("nickname", "must have visible characters");
        }
        if (update.birthday() != null && update.birthday().isBefore(EARLIEST_BIRTHDAY)) {
            throw FieldErrors.invalid("birthday", "must be on or after 1900-01-01");
        }
        return members.update(caller.memberId(), update.nickname(), update.birthday())
                .orElseThrow(ProfileController::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("MEMBER_NOT_FOUND", "no member with this token's id");
    }
}
