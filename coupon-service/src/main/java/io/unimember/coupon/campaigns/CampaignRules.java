package io.unimember.coupon.campaigns;

import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.web.FieldErrors;
import io.unimember.coupon.templates.Template;
import io.unimember.coupon.templates.Templates;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The rules of a campaign that span fields; a broken one is a 400 naming the field. */
@Component
class CampaignRules {

    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** The triggers that take withinDays: the days after the first order (CROSS_BU) or after registering. */
    private static final Set<TriggerType> WITHIN_DAYS = Set.of(TriggerType.CROSS_BU, TriggerType.REGISTERED);

    private final BusinessUnits businessUnits;
    private final Templates templates;

    CampaignRules(BusinessUnits businessUnits, Templates templates) {
        this.businessUnits = businessUnits;
        this.templates = templates;
    }

    void check(CampaignRequest r, Instant now) {
        FieldErrors errors = new FieldErrors();
        errors.rejectIf(!businessUnits.exists(r.fundingBu()), "fundingBu", "must be a business unit code or PLATFORM");
        errors.rejectIf(!r.endsAt().isAfter(r.startsAt()), "endsAt", "must be after startsAt")
                .rejectIf(!r.endsAt().isAfter(now), "endsAt", "must be in the future")
                .rejectIf(r.endsAt().isAfter(LATEST), "endsAt", "must be before 2100");
        checkTrigger(r.trigger(), errors);
        for (int i = 0; i < r.actions().size(); i++) {
            checkAction(r.actions().get(i), r.fundingBu(), "actions[" + i + "]", errors);
        }
        for (ActionType type : ActionType.values()) {
            errors.rejectIf(
                    r.actions().stream().filter(a -> a.type() == type).count() > 1,
                    "actions",
                    "at most one " + type + " per campaign");
        }
        errors.rejectIf(
                r.audience() != null
                        && r.audience().segmentId() != null
                        && !r.audience().segmentId().matches("[A-Za-z0-9_.:-]{1,64}"),
                "audience.segmentId",
                "must be a segment id (letters, digits, _ . : -)");
        errors.throwIfAny();
    }

    private void checkTrigger(Trigger t, FieldErrors errors) {
        boolean orders = t.type() == TriggerType.ORDER_COMPLETED;
        boolean cross = t.type() == TriggerType.CROSS_BU;
        unknownBu(t.bu(), "trigger.bu", errors);
        if (orders) {
            errors.rejectIf(
                    Boolean.TRUE.equals(t.firstInBu()) && t.nthOrder() != null,
                    "trigger.nthOrder",
                    "give firstInBu or nthOrder, not both");
            errors.rejectIf(
                    (Boolean.TRUE.equals(t.firstInBu()) || t.nthOrder() != null) && t.bu() == null,
                    "trigger.bu",
                    "firstInBu and nthOrder count the orders in one BU: name it");
        } else {
            errors.rejectIf(t.firstInBu() != null, "trigger.firstInBu", "only ORDER_COMPLETED has firstInBu")
                    .rejectIf(t.nthOrder() != null, "trigger.nthOrder", "only ORDER_COMPLETED has nthOrder");
        }
        if (cross) {
            errors.rejectIf(t.fromBu() == null, "trigger.fromBu", "CROSS_BU needs fromBu")
                    .rejectIf(t.toBu() == null, "trigger.toBu", "CROSS_BU needs toBu")
                    .rejectIf(t.withinDays() == null, "trigger.withinDays", "CROSS_BU needs withinDays")
                    .rejectIf(t.bu() != null, "trigger.bu", "CROSS_BU names fromBu and toBu")
                    .rejectIf(
                            t.fromBu() != null && t.fromBu().equals(t.toBu()),
                            "trigger.toBu",
                            "must differ from fromBu");
            unknownBu(t.fromBu(), "trigger.fromBu", errors);
            unknownBu(t.toBu(), "trigger.toBu", errors);
        } else {
            errors.rejectIf(t.fromBu() != null || t.toBu() != null, "trigger.fromBu", "only CROSS_BU has fromBu/toBu");
        }
        boolean inactive = t.type() == TriggerType.INACTIVE;
        errors.rejectIf(inactive && t.days() == null, "trigger.days", "INACTIVE needs days")
                .rejectIf(
                        inactive && (t.bu() != null || t.minAmountFen() != null || t.category() != null),
                        "trigger.bu",
                        "INACTIVE counts orders in every BU: it takes only days");
        errors.rejectIf(!inactive && t.days() != null, "trigger.days", "only INACTIVE has days")
                .rejectIf(
                        t.type() == TriggerType.TIER_CHANGED && t.toTier() == null,
                        "trigger.toTier",
                        "TIER_CHANGED needs toTier")
                .rejectIf(
                        t.type() == TriggerType.TIER_CHANGED
                                && (t.bu() != null || t.minAmountFen() != null || t.category() != null),
                        "trigger.bu",
                        "TIER_CHANGED takes only toTier")
                .rejectIf(
                        t.type() != TriggerType.TIER_CHANGED && t.toTier() != null,
                        "trigger.toTier",
                        "only TIER_CHANGED has toTier")
                .rejectIf(
                        !WITHIN_DAYS.contains(t.type()) && t.withinDays() != null,
                        "trigger.withinDays",
                        "not a parameter of " + t.type());
        boolean expiring = t.type() == TriggerType.POINTS_EXPIRING;
        errors.rejectIf(expiring && t.daysBefore() == null, "trigger.daysBefore", "POINTS_EXPIRING needs daysBefore")
                .rejectIf(
                        !expiring && t.daysBefore() != null,
                        "trigger.daysBefore",
                        "only POINTS_EXPIRING has daysBefore")
                .rejectIf(
                        t.type() == TriggerType.REGISTERED && t.withinDays() == null,
                        "trigger.withinDays",
                        "REGISTERED needs withinDays");
        boolean aboutTheMember = expiring || t.type() == TriggerType.REGISTERED || t.type() == TriggerType.BIRTHDAY;
        errors.rejectIf(
                aboutTheMember && (t.bu() != null || t.minAmountFen() != null || t.category() != null),
                "trigger.bu",
                t.type() + " is about the member, not an order: it takes no bu, minAmountFen or category");
    }

    private void checkAction(Action a, String fundingBu, String at, FieldErrors errors) {
        switch (a.type()) {
            case GRANT_COUPON -> checkGrant(a, fundingBu, at, errors);
            case BONUS_POINTS -> {
                errors.rejectIf(
                                (a.points() == null) == (a.multiplierBp() == null),
                                at,
                                "BONUS_POINTS takes points or multiplierBp, one of them")
                        .rejectIf(
                                a.multiplierBp() != null && a.windowDays() == null,
                                at + ".windowDays",
                                "a multiplier needs windowDays: the days after the reward whose orders it multiplies")
                        .rejectIf(
                                a.points() != null && a.windowDays() != null,
                                at + ".windowDays",
                                "only a multiplier has windowDays")
                        .rejectIf(
                                a.templateId() != null || a.growth() != null,
                                at,
                                "BONUS_POINTS takes only points or multiplierBp (+ windowDays)");
            }
            case BONUS_GROWTH ->
                errors.rejectIf(a.growth() == null, at + ".growth", "BONUS_GROWTH needs growth")
                        .rejectIf(
                                a.templateId() != null
                                        || a.points() != null
                                        || a.multiplierBp() != null
                                        || a.windowDays() != null,
                                at,
                                "BONUS_GROWTH takes only growth");
        }
    }

    private void checkGrant(Action a, String fundingBu, String at, FieldErrors errors) {
        if (a.templateId() == null) {
            errors.reject(at + ".templateId", "GRANT_COUPON needs templateId");
            return;
        }
        Optional<Template> template = templates.findForIssuing(a.templateId());
        if (template.isEmpty()) {
            errors.reject(at + ".templateId", "no such coupon template");
        } else if (!template.get().fundingBu().equals(fundingBu)) {
            errors.reject(at + ".templateId", "the template must be funded by the campaign's fundingBu");
        }
        errors.rejectIf(
                a.points() != null || a.multiplierBp() != null || a.windowDays() != null || a.growth() != null,
                at,
                "GRANT_COUPON takes only templateId");
    }

    private void unknownBu(@Nullable String bu, String field, FieldErrors errors) {
        errors.rejectIf(bu != null && !businessUnits.isScene(bu), field, "must be a business unit code");
    }
}
