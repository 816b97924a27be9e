package io.unimember.tier.evaluation;

import org.jspecify.annotations.Nullable;

/**
 * One move of a member between tiers; each step is one {@code tier.changed}. {@code from} is null on registration;
 * {@code from} equal to {@code to} is a change of the tier's benefits (ADMIN_RULES), not a move.
 */
public record Step(@Nullable String from, String to, Reason reason) {

    public boolean moves() {
        return !to.equals(from);
    }
}
