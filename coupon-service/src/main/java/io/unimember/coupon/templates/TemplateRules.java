package io.unimember.coupon.templates;

import io.unimember.common.businessunits.BusinessUnits;
import io.unimember.common.web.FieldErrors;
import io.unimember.coupon.terms.Kind;
import io.unimember.coupon.terms.Terms;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** The rules of a template that span fields; a broken one is a 400 naming the field. */
@Component
class TemplateRules {

    /** No window may reach past this: it keeps absurd dates out and fits every column type. */
    static final Instant LATEST_VALID_TO = Instant.parse("2100-01-01T00:00:00Z");

    private final BusinessUnits businessUnits;

    TemplateRules(BusinessUnits businessUnits) {
        this.businessUnits = businessUnits;
    }

    /** Checks the request and returns the terms it describes. */
    Terms check(TemplateRequest r, Instant now) {
        FieldErrors errors = new FieldErrors();
        if (r.kind() == Kind.FIXED) {
            errors.rejectIf(r.discountFen() == null, "discountFen", "a FIXED coupon needs discountFen > 0")
                    .rejectIf(r.percentOff() != null, "percentOff", "only a PERCENT coupon has percentOff")
                    .rejectIf(r.maxDiscountFen() != null, "maxDiscountFen", "only a PERCENT coupon has a cap");
        } else {
            errors.rejectIf(r.percentOff() == null, "percentOff", "a PERCENT coupon needs percentOff 1..99")
                    .rejectIf(r.maxDiscountFen() == null, "maxDiscountFen", "a PERCENT coupon needs a cap > 0")
                    .rejectIf(
                            r.discountFen() != null, "discountFen", "a PERCENT coupon has percentOff, not discountFen");
        }
        checkScenes(r.scenes(), errors);
        errors.rejectIf(!businessUnits.exists(r.fundingBu()), "fundingBu", "must be a business unit code or PLATFORM");
        checkValidity(r, now, errors);
        errors.throwIfAny();

        long minSpend = r.minSpendFen() == null ? 0 : r.minSpendFen();
        // the checks above let through only the kind's own amounts; the constructor checks they are all there
        Terms terms = new Terms(r.kind(), r.discountFen(), r.percentOff(), r.maxDiscountFen(), minSpend, r.scenes());
        errors.rejectIf(
                        r.budgetFen() < terms.faceValueFen(),
                        "budgetFen",
                        "must cover at least one coupon's face value (" + terms.faceValueFen() + " fen)")
                .throwIfAny();
        return terms;
    }

    private void checkScenes(List<String> scenes, FieldErrors errors) {
        if (scenes.contains(Terms.ALL_SCENES)) {
            errors.rejectIf(scenes.size() > 1, "scenes", "ALL stands alone");
            return;
        }
        errors.rejectIf(new HashSet<>(scenes).size() != scenes.size(), "scenes", "lists a scene twice");
        for (String scene : scenes) {
            errors.rejectIf(!businessUnits.isScene(scene), "scenes", "unknown scene " + abbreviate(scene));
        }
    }

    private static void checkValidity(TemplateRequest r, Instant now, FieldErrors errors) {
        boolean days = r.validDays() != null;
        boolean window = r.validFrom() != null || r.validTo() != null;
        if (days == window) {
            errors.reject("validDays", "give either validDays or validFrom and validTo");
            return;
        }
        if (window) {
            errors.rejectIf(r.validFrom() == null, "validFrom", "a window needs validFrom")
                    .rejectIf(r.validTo() == null, "validTo", "a window needs validTo");
            if (r.validFrom() != null && r.validTo() != null) {
                errors.rejectIf(!r.validTo().isAfter(r.validFrom()), "validTo", "must be after validFrom")
                        .rejectIf(!r.validTo().isAfter(now), "validTo", "must be in the future")
                        .rejectIf(r.validTo().isAfter(LATEST_VALID_TO), "validTo", "must be before 2100")
                        .rejectIf(
                                r.validFrom().isBefore(now.minus(3650, ChronoUnit.DAYS)),
                                "validFrom",
                                "is too far in the past");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
