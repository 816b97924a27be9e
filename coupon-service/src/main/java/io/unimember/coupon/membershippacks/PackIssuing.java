package io.unimember.coupon.membershippacks;

import io.unimember.common.events.MembershipTerms.CouponPack;
import io.unimember.coupon.coupons.Channel;
import io.unimember.coupon.issuing.IssueOutcome;
import io.unimember.coupon.issuing.Issuer;
import io.unimember.coupon.templates.Template;
import io.unimember.coupon.templates.Templates;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Issues one paid member's coupons for one month, in the caller's transaction: claims the (member, month) row first,
 * so a month is issued once whether activation or the job gets there first; each coupon's source names the purchase,
 * month, template and index, so no coupon is issued twice even if the claim were lost. A refusal (sold out, budget spent,
 * an unknown template, a partner benefit whose template another BU funds) stops that template's pack and is recorded
 * as the month's outcome.
 */
@Component
class PackIssuing {

    private static final Logger log = LoggerFactory.getLogger(PackIssuing.class);

    private final MembershipPacks packs;
    private final Templates templates;
    private final Issuer issuer;

    PackIssuing(MembershipPacks packs, Templates templates, Issuer issuer) {
        this.packs = packs;
        this.templates = templates;
        this.issuer = issuer;
    }

    /** How many coupons were issued; -1 if the month was issued already. */
    int issue(MembershipPacks.Pack pack, String month, Instant now) {
        if (!packs.claim(pack.memberId(), month, pack.planCode(), now)) {
            return -1;
        }
        int issued = 0;
        String outcome = "ISSUED";
        for (CouponPack coupons : pack.coupons()) {
            Template template = templates.findForIssuing(coupons.templateId()).orElse(null);
            if (template == null) {
                outcome = "TEMPLATE_NOT_FOUND";
                log.warn("membership pack {} for {}: no template {}", month, pack.memberId(), coupons.templateId());
                continue;
            }
            String funder = coupons.fundingBu();
            if (funder != null && !funder.equals(template.fundingBu())) {
                // a partner benefit the named BU does not fund would be paid for by someone who never agreed to
                outcome = "FUNDER_MISMATCH";
                log.warn(
                        "membership pack {} for {}: template {} is funded by {}, the plan names {}",
                        month,
                        pack.memberId(),
                        coupons.templateId(),
                        template.fundingBu(),
                        funder);
                continue;
            }
            for (int i = 1; i <= coupons.count(); i++) {
                String source = source(pack, month, coupons.templateId(), i);
                if (issuer.issue(template, pack.memberId(), Channel.MEMBERSHIP, source)
                        instanceof IssueOutcome.Refused refusal) {
                    outcome = refusal.reason().name();
                    log.warn("membership pack {} for {} stopped at {}: {}", month, pack.memberId(), i, outcome);
                    break;
                }
                issued++;
            }
        }
        packs.record(pack.memberId(), month, issued, outcome);
        return issued;
    }

    /**
     * A coupon's source: the purchase, month, template and index, so a month a refund took back can be issued again
     * to a later purchase, and never twice to one. A pack projected before purchases were kept names the member.
     */
    private static String source(MembershipPacks.Pack pack, String month, String templateId, int i) {
        String purchase = pack.purchaseId();
        return purchase == null
                ? "membership:" + month + ":" + pack.memberId() + ":" + templateId + ":" + i
                : "membership:" + purchase + ":" + month + ":" + templateId + ":" + i;
    }
}
