package io.unimember.member.binding;

import io.unimember.member.members.PhoneNumber;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/** A BU asks who owns a phone, optionally binding its own account id to that member. */
record ResolveRequest(
        @NotNull @Pattern(regexp = PhoneNumber.REGEX, message = "must be a China mobile or E.164 number") String phone,
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}", message = "1-64 of A-Z a-z 0-9 . _ : @ -")
                String externalAccountId) {

    record Resolved(String memberId, boolean created) {}
}
