package io.unimember.member.clients;

/** Who a client is: a business unit's system, a merchant's POS, or the platform's administration. */
public enum ClientKind {
    BU,
    MERCHANT,
    ADMIN
}
