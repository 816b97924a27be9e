package io.unimember.tier.tiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules a tier table must keep after a change: the lowest tier starts at 0, thresholds strictly increase. */
final class TierRuleValidation {

    private TierRuleValidation() {}

    /** Field errors ({@code field}, {@code message}) about {@code changed} in the table as it would be; empty if fine. */
    static List<Map<String, String>> check(TierTable table, String changed) {
        List<Map<String, String>> errors = new ArrayList<>();
        int index = table.indexOf(changed);
        Tier tier = table.at(index);
        if (index == 0 && tier.growthThreshold() != 0) {
            errors.add(error("the lowest tier is where every member starts; its threshold must be 0"));
        }
        if (index > 0) {
            Tier below = table.at(index - 1);
            if (tier.growthThreshold() <= below.growthThreshold()) {
                errors.add(error("must be greater than " + below.code() + "'s " + below.growthThreshold()));
            }
        }
        if (index + 1 < table.tiers().size()) {
            Tier above = table.at(index + 1);
            if (tier.growthThreshold() >= above.growthThreshold()) {
                errors.add(error("must be less than " + above.code() + "'s " + above.growthThreshold()));
            }
        }
        return errors;
    }

    private static Map<String, String> error(String message) {
        return Map.of("field", "growthThreshold", "message", message);
    }
}
