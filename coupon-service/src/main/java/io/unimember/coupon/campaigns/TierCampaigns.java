package io.unimember.coupon.campaigns;

import io.unimember.common.events.TierChanged;
import io.unimember.coupon.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TIER_CHANGED trigger, on the tier events the service already consumes (its allotment projection), in their
 * inbox transaction: a member moving to the campaign's {@code toTier} from another tier (registration, which has no
 * tier before, is no change). The occurrence is the tier event's version, so a redelivered event rewards once and a
 * member who drops and climbs back is a new occurrence, bounded by the cap.
 */
@Service
public class TierCampaigns {

    private final ActiveCampaigns active;
    private final Audiences audiences;
    private final CampaignActions actions;
    private final Clock clock;

    TierCampaigns(ActiveCampaigns active, Audiences audiences, CampaignActions actions, Clock clock) {
        this.active = active;
        this.audiences = audiences;
        this.actions = actions;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onTiersChanged(List<TierChanged> changes) {
        Instant now = Times.now(clock);
        List<Campaign> campaigns = active.current().stream()
                .filter(c -> c.trigger().type() == TriggerType.TIER_CHANGED && c.actsAt(now))
                .toList();
        if (campaigns.isEmpty()) {
            return;
        }
        // the audience's tier is the one moved to: only segments need looking up
        Audiences.Known known = audiences.of(
                campaigns.stream()
                        .filter(c -> c.audience() != null && c.audience().segmentId() != null)
                        .toList(),
                changes.stream().map(TierChanged::memberId).toList());
        Map<List<String>, CampaignRewards.Reward> due = new LinkedHashMap<>();
        Map<String, Campaign> byId = new LinkedHashMap<>();
        for (TierChanged e : changes) {
            if (e.from() == null || Objects.equals(e.from(), e.to())) {
                continue;
            }
            for (Campaign c : campaigns) {
                if (!e.to().equals(c.trigger().toTier()) || !known.admits(c, e.memberId(), e.to())) {
                    continue;
                }
                var reward = new CampaignRewards.Reward(
                        c.id(),
                        e.memberId(),
                        "tier:" + e.to() + ":" + e.version(),
                        "tier-event:" + e.version(),
                        null,
                        null,
                        CampaignRewards.PENDING,
                        null);
                due.putIfAbsent(reward.key(), reward);
                byId.put(c.id(), c);
            }
        }
        if (!due.isEmpty()) {
            actions.reward(byId, new ArrayList<>(due.values()), now);
        }
    }
}
