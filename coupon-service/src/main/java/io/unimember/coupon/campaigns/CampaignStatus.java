package io.unimember.coupon.campaigns;

import java.util.Set;

/** Where a campaign is in its life: only an ACTIVE one inside its schedule acts. */
public enum CampaignStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    ENDED;

    /** The statuses a campaign may move to from this one; ENDED is for good. */
    Set<CampaignStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(ACTIVE, ENDED);
            case ACTIVE -> Set.of(PAUSED, ENDED);
            case PAUSED -> Set.of(ACTIVE, ENDED);
            case ENDED -> Set.of();
        };
    }

    /** Only a campaign that is not acting may have its rules changed: pause it first. */
    boolean editable() {
        return this == DRAFT || this == PAUSED;
    }
}
