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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A campaign's GRANT_COUPON for the rewards that passed its cap, in the caller's transaction: risk control first (a
 * frozen member or a DENY gets nothing, a REVIEW a coupon PENDING_REVIEW), then the coupons together ({@link
 * Issuer#issueAll}), {@code campaign.rewarded} for each issued; a refused coupon (sold out, pool empty) records why
 * and gives its cap back.
 */
@Component
class CampaignCoupons {

    private static final Logger log = LoggerFactory.getLogger(CampaignCoupons.class);

    private final CampaignRewards rewards;
    private final Templates templates;
    private final Issuer issuer;
    private final EventPublisher events;
    private final CouponRisk risk;

    CampaignCoupons(
            CampaignRewards rewards, Templates templates, Issuer issuer, EventPublisher events, CouponRisk risk) {
        this.rewards = rewards;
        this.templates = templates;
        this.issuer = issuer;
        this.events = events;
        this.risk = risk;
    }

    /**
     * Grants the coupons, adding every reward's outcome to {@code made}; answers the rewards whose coupon was issued
     * and usable now (not parked for review), which the campaign's bonuses go with.
     */
    List<CampaignRewards.Reward> grant(
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
                risk.record(decision, r.memberId(), riskRef(r));
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
                            r.outcome(CampaignActions.ISSUED, issued.coupon().id());
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

    /** The reward as a refused risk decision names it: its source, hashed where the decision's column is shorter. */
    static String riskRef(CampaignRewards.Reward r) {
        String ref = sourceRef(r);
        return ref.length() <= 128 ? ref : "reward:" + sha256(ref);
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
