package io.unimember.coupon.campaigns;

import io.unimember.common.events.CampaignRewarded;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.risk.RiskDecision;
import io.unimember.common.risk.RiskOutcome;
import io.unimember.coupon.risk.CouponRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the rewards campaigns are due, in the caller's transaction: claims each (campaign, member, occurrence) key
 * (the ones made before are dropped), assigns the split's holdout (recorded, nothing granted), takes the per-member
 * cap, grants each campaign's coupons ({@link CampaignCoupons}) and records what every reward came to in one
 * statement. Bonus points and growth are not this service's to apply: each reward made publishes one {@code
 * campaign.rewarded} per bonus action, which points-service and tier-service apply (decision 0067).
 */
@Component
class CampaignActions {

    static final String ISSUED = "ISSUED";
    static final String HOLDOUT = "HOLDOUT";
    static final String CAP_REACHED = "CAP_REACHED";
    /** A campaign without a coupon made its bonuses. */
    static final String REWARDED = "REWARDED";

    private final CampaignRewards rewards;
    private final CampaignCoupons coupons;
    private final EventPublisher events;
    private final CouponRisk risk;

    CampaignActions(CampaignRewards rewards, CampaignCoupons coupons, EventPublisher events, CouponRisk risk) {
        this.rewards = rewards;
        this.coupons = coupons;
        this.risk = risk;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void reward(Map<String, Campaign> campaigns, List<CampaignRewards.Reward> due, Instant now) {
        var claimed = rewards.claimAll(due, now);
        Map<String, List<CampaignRewards.Reward>> byCampaign = new LinkedHashMap<>();
        for (CampaignRewards.Reward r : due) {
            if (claimed.contains(r.key())) {
                byCampaign
                        .computeIfAbsent(r.campaignId(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        if (byCampaign.isEmpty()) {
            return;
        }
        List<CampaignRewards.Reward> made = new ArrayList<>();
        byCampaign.forEach((id, list) -> {
            Campaign c = campaigns.get(id);
            if (c == null) {
                throw new IllegalArgumentException("rewards due for campaign " + id + ", which was not given");
            }
            made.addAll(reward(c, list, now));
        });
        rewards.recordAll(made, now);
    }

    private List<CampaignRewards.Reward> reward(Campaign c, List<CampaignRewards.Reward> due, Instant now) {
        List<CampaignRewards.Reward> made = new ArrayList<>(due.size());
        List<CampaignRewards.Reward> treated = new ArrayList<>(due.size());
        for (CampaignRewards.Reward r : due) {
            if (c.split() != null && c.split().holdsOut(c.id(), r.memberId())) {
                made.add(r.outcome(HOLDOUT, null));
            } else {
                treated.add(r);
            }
        }
        boolean[] underCap = rewards.takeCap(
                c.id(),
                c.perMemberCap(),
                treated.stream().map(CampaignRewards.Reward::memberId).toList());
        List<CampaignRewards.Reward> granting = new ArrayList<>(treated.size());
        for (int i = 0; i < treated.size(); i++) {
            if (underCap[i]) {
                granting.add(treated.get(i));
            } else {
                made.add(treated.get(i).outcome(CAP_REACHED, null));
            }
        }
        if (granting.isEmpty()) {
            return made;
        }
        Optional<Action> grant = c.actions().stream()
                .filter(a -> a.type() == ActionType.GRANT_COUPON)
                .findFirst();
        List<CampaignRewards.Reward> rewarded = grant.isPresent()
                ? coupons.grant(c, grant.get(), granting, made, now)
                : withoutCoupon(c, granting, made);
        bonuses(c, rewarded, now);
        return made;
    }

    /** A campaign of bonuses only: risk control may refuse one (its cap back); a REVIEW has no coupon to park. */
    private List<CampaignRewards.Reward> withoutCoupon(
            Campaign c, List<CampaignRewards.Reward> granting, List<CampaignRewards.Reward> made) {
        List<String> refused = new ArrayList<>();
        List<CampaignRewards.Reward> rewarded = new ArrayList<>(granting.size());
        for (CampaignRewards.Reward r : granting) {
            RiskDecision decision = risk.atReward(r.memberId(), CampaignCoupons.sourceRef(r));
            if (decision.outcome() == RiskOutcome.ALLOW) {
                CampaignRewards.Reward done = r.outcome(REWARDED, null);
                made.add(done);
                rewarded.add(done);
            } else {
                if (decision.outcome() == RiskOutcome.DENY) {
                    risk.record(decision, r.memberId(), CampaignCoupons.riskRef(r));
                }
                refused.add(r.memberId());
                made.add(r.outcome(
                        risk.isFrozen(r.memberId())
                                ? "MEMBER_FROZEN"
                                : decision.outcome() == RiskOutcome.DENY ? "RISK_DENIED" : "RISK_REVIEW",
                        null));
            }
        }
        rewards.giveBackCap(c.id(), refused);
        return rewarded;
    }

    /** Publishes one {@code campaign.rewarded} per bonus action for each reward made (decision 0067). */
    private void bonuses(Campaign c, List<CampaignRewards.Reward> rewarded, Instant now) {
        for (Action a : c.actions()) {
            if (a.type() == ActionType.GRANT_COUPON) {
                continue;
            }
            Integer windowDays = a.windowDays();
            Instant windowEndsAt = windowDays == null ? null : now.plus(Duration.ofDays(windowDays));
            for (CampaignRewards.Reward r : rewarded) {
                events.publish(new CampaignRewarded(
                        r.memberId(),
                        c.id(),
                        a.type().name(),
                        r.occurrence(),
                        c.fundingBu(),
                        null,
                        null,
                        r.orderId(),
                        now,
                        a.points(),
                        a.multiplierBp(),
                        windowEndsAt,
                        a.growth()));
            }
        }
    }
}
