package io.unimember.insight.expressions;

import org.jspecify.annotations.Nullable;

/** What an expression may ask of a member. */
public interface Facts {

    /** A number: {@code frequency30}, or with an argument {@code orders30(DINE_IN)}. */
    long number(String metric, @Nullable String argument);

    /** A word: {@code stage} or {@code tier}. */
    @Nullable
    String word(String name);

    boolean hasTag(String tag);
}
