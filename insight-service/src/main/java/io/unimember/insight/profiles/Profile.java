package io.unimember.insight.profiles;

import io.unimember.insight.members.MemberState;
import io.unimember.insight.members.RfmScores;
import io.unimember.insight.members.Stage;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A member's insight (DESIGN §15) as of {@code asOf}, the day its task's event time had reached when the member was
 * last evaluated; {@code rfm} ranks the member among its partition's members as they stand when read. {@code recencyDays} is null for a member who never ordered; monetary values are net of refunds and
 * frequencies leave out orders refunded in full.
 */
public record Profile(
        String memberId,
        LocalDate asOf,
        @Nullable Integer recencyDays,
        Map<String, Integer> recencyDaysByBu,
        int frequency30,
        int frequency90,
        int frequency365,
        long monetaryFen30,
        long monetaryFen90,
        long monetaryFen365,
        List<String> busUsed,
        RfmScores rfm,
        Stage stage,
        @Nullable String tier,
        List<String> tags,
        List<String> segments) {

    public static Profile of(String memberId, MemberState s, RfmScores rfm, List<String> manualTags) {
        int asOf = s.evaluatedDay();
        Map<String, Integer> byBu = new LinkedHashMap<>();
        for (String bu : s.bus()) {
            byBu.put(bu, Math.max(0, asOf - s.lastOrderDay(bu)));
        }
        List<String> tags = new java.util.ArrayList<>(s.tags());
        manualTags.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        tags.sort(null);
        return new Profile(
                memberId,
                LocalDate.ofEpochDay(asOf),
                s.hasOrders() ? asOf - s.lastOrderDay() : null,
                byBu,
                s.frequency(asOf, 30, null),
                s.frequency(asOf, 90, null),
                s.frequency(asOf, 365, null),
                s.monetaryFen(asOf, 30),
                s.monetaryFen(asOf, 90),
                s.monetaryFen(asOf, 365),
                s.bus(),
                rfm,
                s.countedStage() == null ? Stage.NEW : s.countedStage(),
                s.tier(),
                List.copyOf(tags),
                List.copyOf(s.segments()));
    }
}
