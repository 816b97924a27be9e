package io.unimember.insight.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rule and segment language: precedence, BU metrics, words, tags, and what it refuses. */
class ExpressionsTests {

    private static Facts facts(Map<String, Long> numbers, String stage, Set<String> tags) {
        return new Facts() {
            @Override
            public long number(String metric, @Nullable String argument) {
                return numbers.getOrDefault(argument == null ? metric : metric + "(" + argument + ")", 0L);
            }

            @Override
            public @Nullable String word(String name) {
                return name.equals("stage") ? stage : null;
            }

            @Override
            public boolean hasTag(String tag) {
                return tags.contains(tag);
            }
        };
    }

    @Test
    void andBindsTighterThanOrAndNotTighterStill() {
        Expression e = Expressions.rule("frequency30 >= 2 OR frequency90 >= 5 AND NOT stage = DORMANT");
        assertThat(e.test(facts(Map.of("frequency30", 2L), "DORMANT", Set.of())))
                .isTrue();
        assertThat(e.test(facts(Map.of("frequency90", 5L), "DORMANT", Set.of())))
                .isFalse();
        assertThat(e.test(facts(Map.of("frequency90", 5L), "ACTIVE", Set.of()))).isTrue();
    }

    @Test
    void aBuMetricNamesItsBu() {
        Expression e = Expressions.rule("orders30(DINE_IN) >= 1 and orders30(ENTERTAINMENT) >= 1");
        assertThat(e.test(facts(Map.of("orders30(DINE_IN)", 1L, "orders30(ENTERTAINMENT)", 2L), "ACTIVE", Set.of())))
                .isTrue();
        assertThat(e.test(facts(Map.of("orders30(DINE_IN)", 1L), "ACTIVE", Set.of())))
                .isFalse();
    }

    @Test
    void aSegmentNamesTagsARuleMayNot() {
        Expression segment = Expressions.segment("(vip OR cross_bu_diner) AND stage != NEW");
        assertThat(segment.tags()).containsExactly("cross_bu_diner", "vip");
        assertThat(segment.test(facts(Map.of(), "ACTIVE", Set.of("vip")))).isTrue();
        assertThatThrownBy(() -> Expressions.rule("vip AND frequency30 > 1"))
                .isInstanceOf(InvalidExpressionException.class)
                .hasMessageContaining("not a metric");
    }

    @Test
    void malformedExpressionsAreRefusedWithWhy() {
        for (String bad : new String[] {
            "",
            "frequency30 >>= 1",
            "frequency30 >=",
            "(frequency30 > 1",
            "orders30(dine_in) > 1",
            "stage > NEW",
            "frequency30 > one",
            "frequency30 > 1 extra",
            "rfm.x >= 1"
        }) {
            assertThatThrownBy(() -> Expressions.segment(bad)).as(bad).isInstanceOf(InvalidExpressionException.class);
        }
    }
}
