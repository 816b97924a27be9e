package io.unimember.common.admin;

/**
 * What an operator may do. {@code OPERATOR} runs the platform; {@code FINANCE} settles and audits; {@code SUPPORT}
 * helps members; {@code BU_ADMIN} manages one business unit's clients.
 */
public enum Role {
    OPERATOR,
    FINANCE,
    SUPPORT,
    BU_ADMIN
}
