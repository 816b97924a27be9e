package io.unimember.tier.paidmembership;

import io.unimember.common.web.FieldErrors;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a plan across its fields, which Bean Validation on each field cannot say: a discount names one of
 * {@code minTier}/{@code minGrowth} and is cheaper than the plan; each benefit has its type's fields; named BUs and
 * tiers exist; the revenue split covers the price exactly (10000 basis points, each BU once).
 */
final class PlanValidation {

    /** The group itself may take a share of revenue as it may fund benefits (design §7). */
    static final String PLATFORM = "PLATFORM";

    private PlanValidation() {}

    static void check(Plan plan, Predicate<String> tierExists, Predicate<String> buExists) {
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < plan.discounts().size(); i++) {
            Plan.Discount d = plan.discounts().get(i);
            String at = "discounts[" + i + "]";
            errors.rejectIf(
                    (d.minTier() == null) == (d.minGrowth() == null), at, "give exactly one of minTier or minGrowth");
            errors.rejectIf(d.minTier() != null && !tierExists.test(d.minTier()), at + ".minTier", "no such tier");
            errors.rejectIf(d.priceFen() >= plan.priceFen(), at + ".priceFen", "must be below the plan's priceFen");
        }
        Set<String> counted = new HashSet<>();
        int multipliers = 0;
        for (int i = 0; i < plan.benefits().size(); i++) {
            Plan.Benefit b = plan.benefits().get(i);
            String at = "benefits[" + i + "]";
            switch (b.type()) {
                case MONTHLY_COUPONS -> {
                    errors.rejectIf(blank(b.templateId()), at + ".templateId", "a MONTHLY_COUPONS benefit names one");
                    errors.rejectIf(b.count() == null, at + ".count", "a MONTHLY_COUPONS benefit has a count");
                }
                case POINTS_MULTIPLIER -> {
                    errors.rejectIf(b.multiplierBp() == null, at + ".multiplierBp", "required for POINTS_MULTIPLIER");
                    multipliers++;
                }
                case COUNTED -> {
                    errors.rejectIf(b.benefit() == null, at + ".benefit", "a COUNTED benefit has a code");
                    errors.rejectIf(b.perMonth() == null, at + ".perMonth", "a COUNTED benefit has a perMonth");
                    errors.rejectIf(b.benefit() != null && !counted.add(b.benefit()), at + ".benefit", "listed twice");
                }
                case PARTNER -> {
                    errors.rejectIf(b.bu() == null || !buExists.test(b.bu()), at + ".bu", "a business unit funds it");
                    errors.rejectIf(blank(b.templateId()), at + ".templateId", "a PARTNER benefit names a template");
                }
            }
        }
        errors.rejectIf(multipliers > 1, "benefits", "at most one POINTS_MULTIPLIER");
        Set<String> shares = new HashSet<>();
        long basisPoints = 0;
        for (int i = 0; i < plan.revenueSplit().size(); i++) {
            Plan.Split s = plan.revenueSplit().get(i);
            String at = "revenueSplit[" + i + "].bu";
            errors.rejectIf(!PLATFORM.equals(s.bu()) && !buExists.test(s.bu()), at, "no such business unit");
            errors.rejectIf(!shares.add(s.bu()), at, "listed twice");
            basisPoints += s.basisPoints();
        }
        errors.rejectIf(basisPoints != 10_000, "revenueSplit", "the basis points must sum to 10000");
        errors.throwIfAny();
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
