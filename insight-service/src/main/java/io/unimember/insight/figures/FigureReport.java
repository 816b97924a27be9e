package io.unimember.insight.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The business figures of a day or a month. Campaigns (a campaign is named by the coupon template it issues):
 * issued, redeemed and cost in the period. Cross-BU: of the members a BU acquired in the period (their first order),
 * how many have since ordered in each other BU, and that as basis points. Members by tier and stage, the points
 * liability and segment sizes: as at the end of the period.
 */
public record FigureReport(
        String period,
        long orders,
        long gmvFen,
        long refundFen,
        long registered,
        List<Campaign> campaigns,
        List<CrossBu> crossBu,
        Map<String, Long> membersByTier,
        Map<String, Long> membersByStage,
        long pointsLiability,
        Map<String, Long> segmentSizes) {

    public record Campaign(String campaign, long issued, long redeemed, long costFen) {}

    public record CrossBu(String fromBu, String toBu, long acquired, long converted, long conversionBp) {}

    static FigureReport of(String period, FigureDoc flows, FigureDoc levels) {
        Map<String, long[]> campaigns = new TreeMap<>();
        Map<String, Long> acquired = new TreeMap<>();
        Map<String, Long> converted = new TreeMap<>();
        flows.counts().forEach((figure, value) -> {
            if (figure.startsWith("campaign.")) {
                int last = figure.lastIndexOf('.');
                long[] c = campaigns.computeIfAbsent(figure.substring(9, last), k -> new long[3]);
                switch (figure.substring(last + 1)) {
                    case "issued" -> c[0] = value;
                    case "redeemed" -> c[1] = value;
                    default -> c[2] = value;
                }
            } else if (figure.startsWith("acquired.")) {
                acquired.put(figure.substring(9), value);
            } else if (figure.startsWith("converted.")) {
                converted.put(figure.substring(10), value);
            }
        });
        List<Campaign> campaignList = new ArrayList<>();
        campaigns.forEach((id, c) -> campaignList.add(new Campaign(id, c[0], c[1], c[2])));
        List<CrossBu> pairs = new ArrayList<>();
        converted.forEach((pair, count) -> {
            // BU codes are [A-Z0-9_], so the dot splits the pair unambiguously
            String from = pair.substring(0, pair.indexOf('.'));
            String to = pair.substring(pair.indexOf('.') + 1);
            long base = acquired.getOrDefault(from, 0L);
            pairs.add(new CrossBu(from, to, base, count, base == 0 ? 0 : count * 10_000 / base));
        });
        return new FigureReport(
                period,
                flows.get(FigureKeys.ORDERS),
                flows.get(FigureKeys.GMV_FEN),
                flows.get(FigureKeys.REFUND_FEN),
                flows.get(FigureKeys.REGISTERED),
                campaignList,
                pairs,
                prefixed(levels, "tier."),
                prefixed(levels, "stage."),
                levels.get(FigureKeys.LIABILITY),
                prefixed(levels, "segment."));
    }

    static Map<String, Long> prefixed(FigureDoc doc, String prefix) {
        Map<String, Long> out = new TreeMap<>();
        doc.counts().forEach((figure, value) -> {
            if (figure.startsWith(prefix)) {
                out.put(figure.substring(prefix.length()), value);
            }
        });
        return out;
    }
}
