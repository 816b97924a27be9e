package io.unimember.points.holds;

import io.unimember.points.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A BU checkout asks to freeze a member's points for an order. */
record HoldRequest(
        @NotBlank @Pattern(regexp = Ids.CLIENT_ID) String holdId,
        @NotBlank @Pattern(regexp = Ids.MEMBER_ID) String memberId,
        @NotNull @Positive @Max(MAX_POINTS) Long points,
        @NotBlank @Size(max = 128) String orderRef) {

    /** More points than any member could hold: a mistake or an attack. */
    static final long MAX_POINTS = 1_000_000_000L;
}
