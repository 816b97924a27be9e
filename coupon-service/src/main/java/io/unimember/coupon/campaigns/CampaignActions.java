package io.unimember.coupon.campaigns;

import io.unimember.common.events.CampaignRewarded;
import io.unimember.common.outbox.EventPublisher;
import io.unimember.common.risk.RiskDecision;
import io.unimember.common.risk.RiskOutcome;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.issuing.IssueOutcome;
import io.unimember.coupon.issuing.Issuer;
import io.unimember.coupon.risk.CouponRisk;
import io.unimember.coupon.templates.Template;
import io.unimember.coupon.templates.Templates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the rewards campaigns are due, in the caller's transaction: claims each (campaign, member, occurrence) key
 * (the ones made before are dropped), assigns the split's holdout (recorded, nothing granted), takes the per-member
 * cap, grants each campaign's coupons together ({@link Issuer#issueAll}) and records what every reward came to in one
 * statement, with {@code campaign.rewarded} for each made. A refused coupon (sold out, pool empty) is recorded as
 * such and gives its cap back instead of failing the event.
 */
@Component
class CampaignActions {

    private static final Logger log = LoggerFactory.getLogger(CampaignActions.class);
    static final String ISSUED = "ISSUED";
    static final String HOLDOUT = "HOLDOUT";
    static final String CAP_REACHED = "CAP_REACHED";
    /** A campaign without a coupon made its bonuses. */
    static final String REWARDED = "REWARDED";

    private final CampaignRewards rewards;
    private final Templates templates;
    private final Issuer issuer;
    private final EventPublisher events;
    private final CouponRisk risk;

    CampaignActions(
            CampaignRewards rewards, Templates templates, Issuer issuer, EventPublisher events, CouponRisk risk) {
        this.rewards = rewards;
        this.risk = risk;
        this.templates = templates;
        this.issuer = issuer;
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
                ? grantCoupons(c, grant.get(), granting, made, now)
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
            RiskDecision decision = risk.atReward(r.memberId(), sourceRef(r));
            if (decision.outcome() == RiskOutcome.ALLOW) {
                CampaignRewards.Reward done = r.outcome(REWARDED, null);
                made.add(done);
                rewarded.add(done);
            } else {
                if (decision.outcome() == RiskOutcome.DENY) {
                    risk.record(decision, r.memberId(), sourceRef(r));
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

    private List<CampaignRewards.Reward> grantCoupons(
            Campaign c,
            Action grant,
            List<CampaignRewards.Reward> granting,
            List<CampaignRewards.Reward> made,
            Instant now) {
        String templateId = grant.templateId();
        if (templateId == null) {
            throw new IllegalStateException("campaign " + c.id() + " grants a coupon of no template (CampaignRules)");
        }
        Optional<Template> template = templates.findForIssuing(templateId);
        if (template.isEmpty()) {
            log.warn("campaign {} names a missing template {}", c.id(), templateId);
            rewards.giveBackCap(
                    c.id(),
                    granting.stream().map(CampaignRewards.Reward::memberId).toList());
            granting.forEach(r -> made.add(r.outcome("TEMPLATE_NOT_FOUND", null)));
            return List.of();
        }
        // risk control: a frozen member or a DENY gets nothing (its cap back), a REVIEW a coupon PENDING_REVIEW
        List<String> refused = new ArrayList<>();
        List<CampaignRewards.Reward> rewarded = new ArrayList<>(granting.size());
        List<CampaignRewards.Reward> decided = new ArrayList<>(granting.size());
        List<RiskDecision> decisions = new ArrayList<>(granting.size());
        List<Issuer.Request> requests = new ArrayList<>(granting.size());
        for (CampaignRewards.Reward r : granting) {
            RiskDecision decision = risk.atReward(r.memberId(), sourceRef(r));
            if (decision.outcome() == RiskOutcome.DENY) {
                risk.record(decision, r.memberId(), sourceRef(r));
                refused.add(r.memberId());
                made.add(r.outcome(risk.isFrozen(r.memberId()) ? "MEMBER_FROZEN" : "RISK_DENIED", null));
            } else {
                decided.add(r);
                decisions.add(decision);
                requests.add(new Issuer.Request(r.memberId(), sourceRef(r), decision.outcome() == RiskOutcome.REVIEW));
            }
        }
        List<IssueOutcome> outcomes = issuer.issueAll(template.get(), Channel.REWARD, requests);
        for (int i = 0; i < decided.size(); i++) {
            CampaignRewards.Reward r = decided.get(i);
            switch (outcomes.get(i)) {
                case IssueOutcome.Issued issued -> {
                    CampaignRewards.Reward done =
                            r.outcome(ISSUED, issued.coupon().id());
                    made.add(done);
                    // a coupon parked for review carries no bonuses: its approval issues the coupon alone (decision
                    // 0067)
                    if (decisions.get(i).outcome() != RiskOutcome.REVIEW) {
                        rewarded.add(done);
                    }
                    risk.record(decisions.get(i), r.memberId(), issued.coupon().id());
                    events.publish(CampaignRewarded.coupon(
                            r.memberId(),
                            c.id(),
                            r.occurrence(),
                            c.fundingBu(),
                            issued.coupon().id(),
                            template.get().id(),
                            r.orderId(),
                            now));
                }
                case IssueOutcome.Refused no -> {
                    log.warn("campaign {} could not reward {}: {}", c.id(), r.memberId(), no.reason());
                    refused.add(r.memberId());
                    made.add(r.outcome(no.reason().name(), null));
                }
            }
        }
        rewards.giveBackCap(c.id(), refused);
        return rewarded;
    }

    /**
     * What issues the coupon, unique across all coupons (the seeded campaign keeps the old rule's form, so a coupon
     * issued by the rule and one by the campaign can never both exist); hashed when it would not fit the column.
     */
    static String sourceRef(CampaignRewards.Reward r) {
        String ref = "reward:" + r.campaignId() + ":" + r.memberId()
                + (r.occurrence().startsWith("first-in-bu:") ? "" : ":" + r.occurrence());
        return ref.length() <= 255 ? ref : "reward:" + sha256(ref);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
