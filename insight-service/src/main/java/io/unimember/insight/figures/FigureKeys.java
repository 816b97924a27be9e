package io.unimember.insight.figures;

import java.time.LocalDate;
import java.time.YearMonth;

/** The names of the figures and of the periods they are kept for. */
public final class FigureKeys {

    /** The figures store: one {@link FigureDoc} per period, all in one partition so a range is one local scan. */
    public static final String STORE = "insight-figures";

    public static final String CURRENT = "C";
    public static final String ORDERS = "orders";
    public static final String GMV_FEN = "gmvFen";
    public static final String REFUND_FEN = "refundFen";
    public static final String REGISTERED = "registered";
    public static final String LIABILITY = "points.liability";

    /** Figures that are levels: a period holds their net change. */
    static final String[] LEVELS = {"tier.", "stage.", "segment.", LIABILITY};

    private FigureKeys() {}

    public static String day(LocalDate day) {
        return "D" + day;
    }

    public static String month(YearMonth month) {
        return "M" + month;
    }

    public static String issued(String campaign) {
        return "campaign." + campaign + ".issued";
    }

    public static String redeemed(String campaign) {
        return "campaign." + campaign + ".redeemed";
    }

    public static String costFen(String campaign) {
        return "campaign." + campaign + ".costFen";
    }

    /** Members whose first order was in {@code bu}, counted in the period of that first order (the cohort). */
    public static String acquired(String bu) {
        return "acquired." + bu;
    }

    /** Of {@code from}'s cohort of the period, members who since ordered in {@code to} (the first time). */
    public static String converted(String from, String to) {
        return "converted." + from + "." + to;
    }

    public static String tier(String tier) {
        return "tier." + tier;
    }

    public static String stage(String stage) {
        return "stage." + stage;
    }

    public static String segment(String segmentId) {
        return "segment." + segmentId;
    }

    public static boolean isLevel(String figure) {
        for (String level : LEVELS) {
            if (figure.startsWith(level)) {
                return true;
            }
        }
        return false;
    }
}
