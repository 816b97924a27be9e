package io.unimember.coupon.campaigns;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/admin/campaigns} and {@code PUT /api/v1/admin/campaigns/{id}}. Per-field bounds are here; what
 * ties fields together (a trigger's parameters, an action's template funded by the campaign's BU) is in {@link
 * CampaignRules}.
 */
record CampaignRequest(
        @NotBlank @Size(max = 64) String name,
        @NotBlank @Size(max = 32) String fundingBu,
        @NotNull @Valid Trigger trigger,
        @NotEmpty @Size(max = 8) List<@NotNull @Valid Action> actions,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotNull @Positive @Max(1_000) Integer perMemberCap,
        @Nullable @Valid Audience audience,
        @Nullable @Valid Split split) {}
