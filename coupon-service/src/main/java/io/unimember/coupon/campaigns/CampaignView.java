package io.unimember.coupon.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A campaign as admins and its funding BU see it (also what the audit trail stores before and after). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CampaignView(
        String campaignId,
        String name,
        String fundingBu,
        CampaignStatus status,
        Trigger trigger,
        List<Action> actions,
        @Nullable Audience audience,
        @Nullable Split split,
        Instant startsAt,
        Instant endsAt,
        int perMemberCap,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static CampaignView of(Campaign c) {
        return new CampaignView(
                c.id(),
                c.name(),
                c.fundingBu(),
                c.status(),
                c.trigger(),
                c.actions(),
                c.audience(),
                c.split(),
                c.startsAt(),
                c.endsAt(),
                c.perMemberCap(),
                c.version(),
                c.createdBy(),
                c.createdAt(),
                c.updatedAt());
    }
}
