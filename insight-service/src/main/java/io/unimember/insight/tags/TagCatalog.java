package io.unimember.insight.tags;

import io.unimember.insight.expressions.Expression;
import java.util.List;

/**
 * The rule tags the stream evaluates, held in memory so an event costs no lookup: replaced as a whole when the
 * definitions are read again ({@link TagDefinitions}), so a processor always sees one consistent set.
 */
public final class TagCatalog {

    /** A rule tag as the stream evaluates it. */
    public record RuleTag(String name, Expression rule) {}

    private volatile List<RuleTag> rules = List.of();

    public List<RuleTag> rules() {
        return rules;
    }

    public void replace(List<RuleTag> rules) {
        this.rules = List.copyOf(rules);
    }
}
