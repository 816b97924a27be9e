package io.unimember.points.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unimember.points.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** Part or all of an order's amount was refunded. */
record RefundRequest(
        @Schema(example = "r-20261207-0001") @NotBlank @Pattern(regexp = Ids.CLIENT_ID) String refundId,
        @Schema(example = "6400") @NotNull @Positive @Max(OrderRequest.MAX_AMOUNT_FEN) Long amountFen) {}
