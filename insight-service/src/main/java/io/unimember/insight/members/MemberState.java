package io.unimember.insight.members;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One member's state in the topology's store: days are epoch days in the business zone ({@link #NONE} when never).
 * The orders of the last 365 days are kept as parallel arrays (an order id's hash, its day, its BU's index in
 * {@link #bus}, its amount and what of it was refunded), which is what makes a window's frequency and net monetary
 * value exact and a replayed order a no-op. Mutable and compact on purpose: it is read, changed and written back for
 * every event ({@link MemberStateCodec}).
 */
public final class MemberState {

    public static final int NONE = Integer.MIN_VALUE;

    int registeredDay = NONE;

    @Nullable
    String tier;

    long tierVersion;
    /** The BUs the member ordered in, in order of first use: the first is the BU that acquired the member. */
    final List<String> bus = new ArrayList<>(2);
    /** Per BU of {@link #bus}, the day of its last order. */
    int[] lastOrderDayByBu = new int[0];

    int firstOrderDay = NONE;
    int lastOrderDay = NONE;
    /** The day of the order that ended a dormant spell, while that is the member's return. */
    int wonBackDay = NONE;

    int orders;
    long[] orderHash = new long[4];
    int[] orderDay = new int[4];
    byte[] orderBu = new byte[4];
    long[] orderFen = new long[4];
    long[] refundedFen = new long[4];
    /** Hashes of the refunds applied, newest last, so a redelivered refund is applied once. */
    long[] refundHashes = new long[0];

    long couponsIssued;
    long couponsRedeemed;
    long pointsAvailable;
    long pointsVersion = -1;

    /** The rule tags the member holds now, as last evaluated. */
    final TreeSet<String> tags = new TreeSet<>();
    /** The segments the member is in now, as last evaluated. */
    final TreeSet<String> segments = new TreeSet<>();
    /** What this member last added to the figures and the percentiles, so a change moves them exactly. */
    @Nullable
    Stage countedStage;

    /** The day the member was last evaluated on (its task's event time then), and the RFM scores it got. */
    int evaluatedDay = NONE;

    RfmScores rfm = RfmScores.UNRANKED;

    int countedLastOrderDay = NONE;
    int countedFrequency;
    long countedMonetaryFen;

    public int registeredDay() {
        return registeredDay;
    }

    public @Nullable String tier() {
        return tier;
    }

    public List<String> bus() {
        return List.copyOf(bus);
    }

    /** The day of the last order in {@code bu}, or {@link #NONE}. */
    public int lastOrderDay(String bu) {
        int i = bus.indexOf(bu);
        return i < 0 ? NONE : lastOrderDayByBu[i];
    }

    public int firstOrderDay() {
        return firstOrderDay;
    }

    public int lastOrderDay() {
        return lastOrderDay;
    }

    public int wonBackDay() {
        return wonBackDay;
    }

    public @Nullable String acquiringBu() {
        return bus.isEmpty() ? null : bus.getFirst();
    }

    public long couponsIssued() {
        return couponsIssued;
    }

    public long couponsRedeemed() {
        return couponsRedeemed;
    }

    public long pointsAvailable() {
        return pointsAvailable;
    }

    public TreeSet<String> tags() {
        return tags;
    }

    public TreeSet<String> segments() {
        return segments;
    }

    public @Nullable Stage countedStage() {
        return countedStage;
    }

    public void countedStage(@Nullable Stage stage) {
        this.countedStage = stage;
    }

    public int evaluatedDay() {
        return evaluatedDay;
    }

    public RfmScores rfm() {
        return rfm;
    }

    public void evaluated(int day, RfmScores scores) {
        this.evaluatedDay = day;
        this.rfm = scores;
    }

    public boolean hasOrders() {
        return lastOrderDay != NONE;
    }

    /**
     * Orders not refunded in full whose day lies in the {@code days} days up to {@code asOf} (asOf − day &lt;
     * days), in {@code bu} or, when null, anywhere.
     */
    public int frequency(int asOf, int days, @Nullable String bu) {
        int only = bu == null ? -1 : bus.indexOf(bu);
        if (bu != null && only < 0) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < orders; i++) {
            if (inWindow(orderDay[i], asOf, days) && (only < 0 || orderBu[i] == only) && refundedFen[i] < orderFen[i]) {
                count++;
            }
        }
        return count;
    }

    /** The orders' amounts net of refunds over the {@code days} days up to {@code asOf}. */
    public long monetaryFen(int asOf, int days) {
        long sum = 0;
        for (int i = 0; i < orders; i++) {
            if (inWindow(orderDay[i], asOf, days)) {
                sum += orderFen[i] - refundedFen[i];
            }
        }
        return sum;
    }

    /** Days since the last order, or since registration for a member who never ordered; -1 when neither is known. */
    public int recencyDays(int asOf) {
        int last = lastOrderDay != NONE ? lastOrderDay : registeredDay;
        return last == NONE ? -1 : Math.max(0, asOf - last);
    }

    private static boolean inWindow(int day, int asOf, int days) {
        return asOf - day < days;
    }
}
