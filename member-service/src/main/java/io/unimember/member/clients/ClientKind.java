package io.unimember.member.clients;

/**
 * Who a client is: a business unit's system, a merchant's POS, the platform's administration, or an app members
 * sign in to with their Unimember account (a BU's or partner's app or mini-program: authorization code + PKCE).
 */
public enum ClientKind {
    BU,
    MERCHANT,
    ADMIN,
    MEMBER_APP
}
