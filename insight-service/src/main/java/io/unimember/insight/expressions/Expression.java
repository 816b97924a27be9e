package io.unimember.insight.expressions;

import java.util.Set;
import java.util.TreeSet;

/** A parsed expression: a test of a member's {@link Facts}. */
public sealed interface Expression {

    boolean test(Facts facts);

    /** The tags it names (a segment's must exist). */
    default Set<String> tags() {
        Set<String> tags = new TreeSet<>();
        collectTags(this, tags);
        return tags;
    }

    private static void collectTags(Expression e, Set<String> into) {
        switch (e) {
            case And and -> {
                collectTags(and.left(), into);
                collectTags(and.right(), into);
            }
            case Or or -> {
                collectTags(or.left(), into);
                collectTags(or.right(), into);
            }
            case Not not -> collectTags(not.inner(), into);
            case HasTag tag -> into.add(tag.tag());
            case Compare ignored -> {}
            case WordIs ignored -> {}
        }
    }

    record And(Expression left, Expression right) implements Expression {
        @Override
        public boolean test(Facts facts) {
            return left.test(facts) && right.test(facts);
        }
    }

    record Or(Expression left, Expression right) implements Expression {
        @Override
        public boolean test(Facts facts) {
            return left.test(facts) || right.test(facts);
        }
    }

    record Not(Expression inner) implements Expression {
        @Override
        public boolean test(Facts facts) {
            return !inner.test(facts);
        }
    }

    record HasTag(String tag) implements Expression {
        @Override
        public boolean test(Facts facts) {
            return facts.hasTag(tag);
        }
    }

    record Compare(String metric, String argument, String operator, long value) implements Expression {
        @Override
        public boolean test(Facts facts) {
            long actual = facts.number(metric, argument.isEmpty() ? null : argument);
            return switch (operator) {
                case ">=" -> actual >= value;
                case "<=" -> actual <= value;
                case ">" -> actual > value;
                case "<" -> actual < value;
                case "=" -> actual == value;
                default -> actual != value;
            };
        }
    }

    record WordIs(String name, String value, boolean equal) implements Expression {
        @Override
        public boolean test(Facts facts) {
            return value.equals(facts.word(name)) == equal;
        }
    }
}
