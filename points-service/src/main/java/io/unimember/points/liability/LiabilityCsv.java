package io.unimember.points.liability;

import java.util.stream.Collectors;

/** The report as CSV, one row per issuing BU; redeemedBy as {@code SPENDING_BU:points} pairs joined by {@code ;}. */
final class LiabilityCsv {

    static final String HEADER = "period,issuingBu,openingPoints,earned,redeemed,redeemedBy,returned,expired,"
            + "closingPoints,closingValueFen";

    private LiabilityCsv() {}

    static String write(LiabilityView view) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (LiabilityLine l : view.lines()) {
            String by = l.redeemedBy().entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(";"));
            csv.append(String.join(
                            ",",
                            view.period(),
                            l.issuingBu(),
                            Long.toString(l.openingPoints()),
                            Long.toString(l.earned()),
                            Long.toString(l.redeemed()),
                            by,
                            Long.toString(l.returned()),
                            Long.toString(l.expired()),
                            Long.toString(l.closingPoints()),
                            Long.toString(l.closingValueFen())))
                    .append("\r\n");
        }
        return csv.toString();
    }
}
