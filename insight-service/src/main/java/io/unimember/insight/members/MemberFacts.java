package io.unimember.insight.members;

import io.unimember.insight.expressions.Facts;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A member's state as of a day, as the facts an expression asks about. */
public record MemberFacts(MemberState state, int asOf, Stage stage, RfmScores rfm, Set<String> tags) implements Facts {

    /** The recency of a member, or in a BU, that never ordered: longer than any window, so {@code <=} never holds. */
    public static final long NEVER = 99_999;

    @Override
    public long number(String metric, @Nullable String bu) {
        return switch (metric) {
            case "recencyDays" -> {
                int days = state.recencyDays(asOf);
                yield days < 0 ? NEVER : days;
            }
            case "frequency30" -> state.frequency(asOf, 30, null);
            case "frequency90" -> state.frequency(asOf, 90, null);
            case "frequency365" -> state.frequency(asOf, 365, null);
            case "monetaryFen30" -> state.monetaryFen(asOf, 30);
            case "monetaryFen90" -> state.monetaryFen(asOf, 90);
            case "monetaryFen365" -> state.monetaryFen(asOf, 365);
            case "busUsed" -> state.bus.size();
            case "rfm.r" -> rfm.r();
            case "rfm.f" -> rfm.f();
            case "rfm.m" -> rfm.m();
            case "couponsIssued" -> state.couponsIssued;
            case "couponsRedeemed" -> state.couponsRedeemed;
            case "pointsAvailable" -> state.pointsAvailable;
            case "daysSinceRegistered" ->
                state.registeredDay == MemberState.NONE ? -1 : Math.max(0, asOf - state.registeredDay);
            case "orders30" -> state.frequency(asOf, 30, bu);
            case "orders90" -> state.frequency(asOf, 90, bu);
            case "orders365" -> state.frequency(asOf, 365, bu);
            case "recencyDaysIn" -> {
                int last = bu == null ? MemberState.NONE : state.lastOrderDay(bu);
                yield last == MemberState.NONE ? NEVER : Math.max(0, asOf - last);
            }
            default -> throw new IllegalArgumentException("no metric " + metric);
        };
    }

    @Override
    public @Nullable String word(String name) {
        return switch (name) {
            case "stage" -> stage.name();
            case "tier" -> state.tier;
            default -> null;
        };
    }

    @Override
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
