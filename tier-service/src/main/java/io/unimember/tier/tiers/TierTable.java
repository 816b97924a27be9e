package io.unimember.tier.tiers;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All tiers, lowest rank first, with the questions evaluation asks of them. */
public record TierTable(List<Tier> tiers) {

    public TierTable {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a tier table needs at least one tier");
        }
        tiers = tiers.stream().sorted(Comparator.comparingInt(Tier::rank)).toList();
    }

    public Tier lowest() {
        return tiers.getFirst();
    }

    public Tier get(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("no tier " + code));
    }

    public Optional<Tier> find(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The position of a tier, 0 for the lowest. */
    public int indexOf(String code) {
        return tiers.indexOf(get(code));
    }

    public Tier at(int index) {
        return tiers.get(index);
    }

    public Optional<Tier> above(String code) {
        int i = indexOf(code);
        return i + 1 < tiers.size() ? Optional.of(tiers.get(i + 1)) : Optional.empty();
    }

    public Optional<Tier> below(String code) {
        int i = indexOf(code);
        return i > 0 ? Optional.of(tiers.get(i - 1)) : Optional.empty();
    }

    /** The highest tier whose threshold the growth reaches. */
    public Tier reachedBy(long growth) {
        Tier reached = lowest();
        for (Tier tier : tiers) {
            if (growth >= tier.growthThreshold()) {
                reached = tier;
            }
        }
        return reached;
    }

    /** How much growth a member still needs for the tier above {@code code}; 0 at the top. */
    public long growthToNext(String code, long growth) {
        return above(code)
                .map(next -> Math.max(0, next.growthThreshold() - growth))
                .orElse(0L);
    }

    /** The revision of the rules as a whole: the newest change to any tier. */
    public long revision() {
        return tiers.stream().mapToLong(Tier::revision).max().orElse(0);
    }
}
