package io.unimember.common.admin;

import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import java.util.Arrays;
import java.util.List;

/**
 * The roles each admin endpoint admits. An operator's token names the operator ({@code operator_id}) and their role
 * ({@code role}); a client token with the {@code admin} scope and no role (the demo's shared {@code admin} client)
 * acts as an {@code OPERATOR}. The path rule has already required the {@code admin} scope.
 */
public final class AdminAccess {

    public static final String OPERATOR_ID = "operator_id";
    public static final String ROLE = "role";

    private AdminAccess() {}

    /** The caller as an actor, if their role is one of {@code allowed}; else 403 {@code ROLE_REQUIRED}. */
    public static Actor require(Caller caller, Role... allowed) {
        Actor actor = actor(caller);
        List<Role> roles = Arrays.asList(allowed);
        if (!roles.contains(actor.role())) {
            throw ApiException.forbidden(
                    "ROLE_REQUIRED", "this needs one of the roles " + roles + "; the caller is " + actor.role());
        }
        return actor;
    }

    /** The admin caller as an actor, whatever their role; 403 when the caller is not an admin. */
    public static Actor actor(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("INSUFFICIENT_SCOPE", "an admin token is required");
        }
        String operator = caller.claim(OPERATOR_ID);
        if (operator == null) {
            return new Actor(caller.subject(), "CLIENT", Role.OPERATOR, null);
        }
        Role role;
        try {
            role = Role.valueOf(String.valueOf(caller.claim(ROLE)));
        } catch (IllegalArgumentException unknown) {
            throw ApiException.forbidden("ROLE_REQUIRED", "the operator token names no known role");
        }
        return new Actor(operator, "OPERATOR", role, caller.claim("bu"));
    }
}
