package io.unimember.insight.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses expressions: {@code expr := or; or := and (OR and)*; and := unary (AND unary)*; unary := NOT unary |
 * '(' expr ')' | metric op number | metric '(' BU ')' op number | (stage|tier) (=|!=) WORD | tag}. Keywords are
 * case-insensitive. Rule tags may not name other tags (they are evaluated side by side); segments may.
 */
public final class Expressions {

    /** Metrics without an argument. */
    public static final Set<String> METRICS = Set.of(
            "recencyDays",
            "frequency30",
            "frequency90",
            "frequency365",
            "monetaryFen30",
            "monetaryFen90",
            "monetaryFen365",
            "busUsed",
            "rfm.r",
            "rfm.f",
            "rfm.m",
            "couponsIssued",
            "couponsRedeemed",
            "pointsAvailable",
            "daysSinceRegistered");
    /** Metrics of one BU: {@code orders30(DINE_IN)}. */
    public static final Set<String> BU_METRICS = Set.of("orders30", "orders90", "orders365", "recencyDaysIn");

    public static final Set<String> WORDS = Set.of("stage", "tier");

    private static final int MAX_LENGTH = 1000;
    private static final Pattern TOKEN =
            Pattern.compile("\\s*(?:(>=|<=|!=|[()><=])|(-?\\d{1,18})|([A-Za-z_][A-Za-z0-9_.]{0,63}))");

    private final List<String> tokens;
    private final boolean tagsAllowed;
    private int at;

    private Expressions(List<String> tokens, boolean tagsAllowed) {
        this.tokens = tokens;
        this.tagsAllowed = tagsAllowed;
    }

    /** A rule tag's condition: metrics and words only. */
    public static Expression rule(String text) {
        return parse(text, false);
    }

    /** A segment: tags too. */
    public static Expression segment(String text) {
        return parse(text, true);
    }

    private static Expression parse(String text, boolean tagsAllowed) {
        if (text.isBlank() || text.length() > MAX_LENGTH) {
            throw new InvalidExpressionException("an expression has 1 to " + MAX_LENGTH + " characters");
        }
        var parser = new Expressions(tokenize(text), tagsAllowed);
        Expression e = parser.or();
        if (parser.at < parser.tokens.size()) {
            throw new InvalidExpressionException("unexpected '" + parser.tokens.get(parser.at) + "'");
        }
        return e;
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int position = 0;
        while (position < text.length()) {
            if (text.substring(position).isBlank()) {
                break;
            }
            if (!m.find(position) || m.start() != position) {
                throw new InvalidExpressionException("cannot read the expression at character " + (position + 1));
            }
            tokens.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            position = m.end();
        }
        return tokens;
    }

    private Expression or() {
        Expression left = and();
        while (keyword("OR")) {
            left = new Expression.Or(left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = unary();
        while (keyword("AND")) {
            left = new Expression.And(left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (keyword("NOT")) {
            return new Expression.Not(unary());
        }
        if (accept("(")) {
            Expression inner = or();
            expect(")");
            return inner;
        }
        String name = next("a metric, a tag or '('");
        if (METRICS.contains(name)) {
            return compare(name, "");
        }
        if (BU_METRICS.contains(name)) {
            expect("(");
            String bu = next("a BU code");
            if (!bu.matches("[A-Z][A-Z0-9_]{0,31}")) {
                throw new InvalidExpressionException("'" + bu + "' is not a BU code");
            }
            expect(")");
            return compare(name, bu);
        }
        if (WORDS.contains(name)) {
            String operator = next("= or !=");
            if (!operator.equals("=") && !operator.equals("!=")) {
                throw new InvalidExpressionException(name + " takes = or !=, not '" + operator + "'");
            }
            String value = next("a value");
            if (!value.matches("[A-Za-z][A-Za-z0-9_]{0,31}")) {
                throw new InvalidExpressionException("'" + value + "' is not a " + name);
            }
            return new Expression.WordIs(name, value.toUpperCase(Locale.ROOT), operator.equals("="));
        }
        if (name.matches("[a-z][a-z0-9_]{0,63}") && !isKeyword(name)) {
            if (!tagsAllowed) {
                throw new InvalidExpressionException(
                        "'" + name + "' is not a metric (a rule names metrics, stage or tier, not other tags)");
            }
            return new Expression.HasTag(name);
        }
        throw new InvalidExpressionException("'" + name + "' is neither a metric nor a tag");
    }

    private Expression compare(String metric, String argument) {
        String operator = next("a comparison");
        if (!List.of(">=", "<=", ">", "<", "=", "!=").contains(operator)) {
            throw new InvalidExpressionException(metric + " is compared with >=, <=, >, <, = or !=");
        }
        String number = next("a number");
        if (!number.matches("-?\\d{1,18}")) {
            throw new InvalidExpressionException("'" + number + "' is not a whole number");
        }
        return new Expression.Compare(metric, argument, operator, Long.parseLong(number));
    }

    private boolean keyword(String word) {
        if (at < tokens.size() && tokens.get(at).equalsIgnoreCase(word)) {
            at++;
            return true;
        }
        return false;
    }

    private static boolean isKeyword(String word) {
        return word.equalsIgnoreCase("AND") || word.equalsIgnoreCase("OR") || word.equalsIgnoreCase("NOT");
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).equals(token)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new InvalidExpressionException("expected '" + token + "'"
                    + (at < tokens.size() ? " before '" + tokens.get(at) + "'" : " at the end"));
        }
    }

    private String next(String what) {
        if (at >= tokens.size()) {
            throw new InvalidExpressionException("expected " + what + " at the end");
        }
        return tokens.get(at++);
    }
}
