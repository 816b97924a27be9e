package io.unimember.points.holds;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unimember.points.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A BU checkout asks to freeze a member's points for an order. */
record HoldRequest(
        @Schema(example = "h-20261207-0001") @NotBlank @Pattern(regexp = Ids.CLIENT_ID) String holdId,
        @Schema(example = "m_2joxsec7l7krofuzs3lm") @NotBlank @Pattern(regexp = Ids.MEMBER_ID) String memberId,
        @Schema(example = "500") @NotNull @Positive @Max(MAX_POINTS) Long points,
        @Schema(example = "o-20261207-0002") @NotBlank @Size(max = 128) String orderRef) {

    /** More points than any member could hold: a mistake or an attack. */
    static final long MAX_POINTS = 1_000_000_000L;
}
