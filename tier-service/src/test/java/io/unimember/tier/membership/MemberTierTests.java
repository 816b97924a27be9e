package io.unimember.tier.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemberTierTests {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aNewcomerStandsInTheLowestTierWithNothingPublishedOrApplied() {
        MemberTier m = MemberTier.newcomer("m-1", "REGULAR", 7, NOW);

        assertThat(m.standing()).isEqualTo(new MemberTier.Standing("REGULAR", NOW, null));
        assertThat(m.view()).isEqualTo(new MemberTier.GrowthView(0, null, 0));
        assertThat(m.applied()).isEqualTo(new MemberTier.Applied(false, 7, null, null));
        assertThat(m.version()).isZero();
    }

    @Test
    void markingWhatWasAppliedKeepsTheStandingTheViewAndTheVersion() {
        MemberTier moved = MemberTier.newcomer("m-1", "REGULAR", 7, NOW)
                .moved(new MemberTier.Standing("SILVER", NOW, NOW.plusSeconds(60)), 2)
                .viewing(new MemberTier.GrowthView(150, "GOLD", 1_850), 3);

        MemberTier marked = moved.ordered()
                .evaluatedAgainst(8)
                .downgradeEvaluated("2026-03")
                .registered(NOW.minusSeconds(5));

        assertThat(marked.applied()).isEqualTo(new MemberTier.Applied(true, 8, "2026-03", NOW.minusSeconds(5)));
        assertThat(marked.standing()).isEqualTo(moved.standing());
        assertThat(marked.view()).isEqualTo(moved.view());
        assertThat(marked.version()).isEqualTo(3);
    }

    @Test
    void aDowngradeEvaluationCoversItsMonthAndTheMonthsBefore() {
        MemberTier m = MemberTier.newcomer("m-1", "SILVER", 1, NOW).downgradeEvaluated("2026-03");

        assertThat(m.applied().downgradeEvaluatedFor("2026-02")).isTrue();
        assertThat(m.applied().downgradeEvaluatedFor("2026-03")).isTrue();
        assertThat(m.applied().downgradeEvaluatedFor("2026-04")).isFalse();
        assertThat(MemberTier.newcomer("m-2", "SILVER", 1, NOW).applied().downgradeEvaluatedFor("2026-03"))
                .isFalse();
    }

    @Test
    void aTierIsKeptUntilItsRetentionEndsAndNotAtAllWithoutOne() {
        MemberTier.Standing kept = new MemberTier.Standing("GOLD", NOW, NOW.plusSeconds(60));

        assertThat(kept.keptAt(NOW.plusSeconds(59))).isTrue();
        assertThat(kept.keptAt(NOW.plusSeconds(60))).isFalse();
        assertThat(new MemberTier.Standing("GOLD", NOW, null).keptAt(NOW)).isFalse();
    }
}
