package io.unimember.common.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.unimember.common.security.Scopes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.AntPathMatcher;

/**
 * Which token an operation needs, as {@code SecurityConfiguration} enforces it: none on the public paths, else the
 * handler's {@code @PreAuthorize} scopes, else the shared path families' (admin, BU, merchant), else any valid token.
 * Several requirements mean any one of them will do; a member token is a bearer token from login, every other scope
 * comes from the client-credentials grant.
 */
final class OperationSecurity {

    static final String BEARER = "bearer";
    static final String OAUTH2 = "oauth2";

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private static final List<String> BU_SCOPES =
            List.of(Scopes.BU_ORDERS, Scopes.BU_MEMBERS, Scopes.BU_REDEEM, Scopes.BU_CAMPAIGNS);

    /** The path families of design §3, as the gateway's access rules and the services' path rules enforce them. */
    private static final Map<String, List<String>> FAMILIES = families();

    private final List<String> publicPaths;

    OperationSecurity(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    /** Sets the operation's security; answers whether it needs a token at all. */
    boolean apply(String path, Operation operation) {
        if (publicPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path))) {
            operation.setSecurity(List.of());
            return false;
        }
        List<String> scopes = scopesOf(path, operation);
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (String scope : scopes) {
            requirements.add(
                    scope.equals(Scopes.MEMBER)
                            ? new SecurityRequirement().addList(BEARER, scope)
                            : new SecurityRequirement().addList(OAUTH2, scope));
        }
        if (requirements.isEmpty()) {
            requirements.add(new SecurityRequirement().addList(BEARER));
        }
        operation.setSecurity(requirements);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<String> scopesOf(String path, Operation operation) {
        Object handlerScopes = operation.getExtensions() == null
                ? null
                : operation.getExtensions().remove(HandlerFacts.SCOPES);
        if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
        if (handlerScopes instanceof List<?> list && !list.isEmpty()) {
            return (List<String>) list;
        }
        for (Map.Entry<String, List<String>> family : FAMILIES.entrySet()) {
            if (PATHS.match(family.getKey(), path)) {
                return family.getValue();
            }
        }
        return List.of();
    }

    private static Map<String, List<String>> families() {
        Map<String, List<String>> families = new LinkedHashMap<>();
        families.put("/api/v1/admin/**", List.of(Scopes.ADMIN));
        families.put("/api/v1/bu/**", BU_SCOPES);
        families.put("/open/v1/**", List.of(Scopes.MERCHANT_MEMBERS, Scopes.MERCHANT_VERIFY));
        families.put("/api/v1/points/holds/**", List.of(Scopes.BU_REDEEM));
        List<String> buOrAdmin = new ArrayList<>(BU_SCOPES);
        buOrAdmin.add(Scopes.ADMIN);
        families.put("/api/v1/settlement/**", buOrAdmin);
        for (String member :
                List.of("/api/v1/members/**", "/api/v1/points/me/**", "/api/v1/coupons/**", "/api/v1/tiers/me")) {
            families.put(member, List.of(Scopes.MEMBER));
        }
        return families;
    }
}
