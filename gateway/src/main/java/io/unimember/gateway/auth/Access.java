package io.unimember.gateway.auth;

import java.util.function.Predicate;

/** What a path asks of its caller: nothing, any valid token, or a token that passes a scope check. */
record Access(boolean isPublic, String needs, Predicate<VerifiedToken> check) {

    static final Access PUBLIC = new Access(true, "nothing", token -> true);
    static final Access AUTHENTICATED = new Access(false, "a valid token", token -> true);

    static Access scope(String scope) {
        return new Access(false, "scope " + scope, token -> token.hasScope(scope));
    }

    static Access anyScope(String... scopes) {
        return new Access(false, "one of the scopes " + String.join(", ", scopes), token -> {
            for (String scope : scopes) {
                if (token.hasScope(scope)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Any scope of a family, e.g. {@code bu:} for every BU scope. */
    static Access scopeFamily(String prefix) {
        return new Access(false, "a " + prefix + "* scope", token -> token.hasScopeStartingWith(prefix));
    }

    /**
     * The {@code admin} scope, from an operator whose role is one of {@code roles}. An admin token without a role
     * (the demo's shared {@code admin} client) counts as an {@code OPERATOR}.
     */
    static Access adminRoles(String... roles) {
        java.util.List<String> allowed = java.util.List.of(roles);
        return new Access(
                false,
                "scope admin with one of the roles " + allowed,
                token -> token.hasScope("admin") && allowed.contains(token.role() == null ? "OPERATOR" : token.role()));
    }

    Access or(Access other) {
        return new Access(false, needs + " or " + other.needs, token -> check.test(token) || other.check.test(token));
    }

    boolean allows(VerifiedToken token) {
        return check.test(token);
    }
}
