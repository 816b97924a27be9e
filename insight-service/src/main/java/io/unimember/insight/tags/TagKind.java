package io.unimember.insight.tags;

/** RULE: evaluated in the stream from an expression; MANUAL: set on members by an operator. */
public enum TagKind {
    RULE,
    MANUAL
}
