package io.unimember.gateway.auth;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which path at the gateway (DESIGN §3), first match wins. The services check the same and finer
 * rules again (ownership, consent); this is the first door, so a wrong token never reaches them.
 */
final class AccessRules {

    private static final Access BU = Access.scopeFamily("bu:");
    private static final Access MERCHANT = Access.scopeFamily("merchant:");
    /** Operators only: every admin path not listed for another role below. */
    private static final Access ADMIN = Access.adminRoles("OPERATOR");

    private static final Access FINANCE = Access.adminRoles("OPERATOR", "FINANCE");
    private static final Access SUPPORT = Access.adminRoles("OPERATOR", "SUPPORT");
    private static final Access MEMBER = Access.scope("member");

    private final List<Rule> rules = List.of(
            rule("/oauth2/**", Access.PUBLIC),
            rule("/.well-known/**", Access.PUBLIC),
            rule("/api/v1/auth/**", Access.PUBLIC),
            // the members' sign-in page of the authorization code flow (member-service guards it with CSRF)
            rule("/login", Access.PUBLIC),
            rule("/login/**", Access.PUBLIC),
            rule("/actuator/health/**", Access.PUBLIC),
            rule("/actuator/prometheus", Access.PUBLIC),
            rule("/v3/api-docs/**", Access.PUBLIC),
            rule("/swagger-ui.html", Access.PUBLIC),
            rule("/swagger-ui/**", Access.PUBLIC),
            rule("/webjars/**", Access.PUBLIC),
            // the H5 front-end a later issue serves from here
            rule("/", Access.PUBLIC),
            rule("/index.html", Access.PUBLIC),
            rule("/merchant/**", Access.PUBLIC),
            rule("/console/**", Access.PUBLIC),
            rule("/assets/**", Access.PUBLIC),
            rule("/favicon.ico", Access.PUBLIC),
            rule("/actuator/**", ADMIN),
            // a BU's campaign manager creates its own templates (coupon-service checks fundingBu is theirs)
            rule(HttpMethod.POST, "/api/v1/admin/coupon-templates", ADMIN.or(Access.scope("bu:campaigns"))),
            // a BU's campaign manager runs the campaigns it funds and reads its own subsidy pool (coupon-service checks
            // the funding BU); an admin sets pools as OPERATOR or FINANCE
            rule("/api/v1/admin/campaigns", ADMIN.or(Access.scope("bu:campaigns"))),
            rule("/api/v1/admin/campaigns/**", ADMIN.or(Access.scope("bu:campaigns"))),
            rule("/api/v1/admin/budgets/**", FINANCE.or(Access.scope("bu:campaigns"))),
            // the points liability: a BU reads its own line (points-service answers a BU token with only its BU's)
            rule(HttpMethod.GET, "/api/v1/admin/points/liability", FINANCE.or(Access.scope("bu:orders"))),
            // each admin path family for the roles that do that work (decision 0048); the services check again
            rule("/api/v1/admin/audit", FINANCE),
            rule("/api/v1/admin/settlement/**", FINANCE),
            rule("/api/v1/admin/members/**", SUPPORT),
            rule("/api/v1/admin/points/**", SUPPORT),
            rule("/api/v1/admin/coupons/**", SUPPORT),
            rule("/api/v1/admin/clients/**", Access.adminRoles("OPERATOR", "BU_ADMIN")),
            rule("/api/v1/admin/business-units/**", Access.adminRoles("OPERATOR", "FINANCE", "SUPPORT", "BU_ADMIN")),
            rule("/api/v1/admin/**", ADMIN),
            rule("/api/v1/bu/**", BU),
            rule("/open/v1/**", MERCHANT),
            rule("/api/v1/points/holds/**", Access.scope("bu:redeem")),
            rule("/api/v1/settlement/**", BU.or(FINANCE)),
            rule("/api/v1/members/**", MEMBER),
            rule("/api/v1/points/me/**", MEMBER),
            rule("/api/v1/coupons/**", MEMBER),
            rule("/api/v1/tiers/me", MEMBER),
            rule("/api/v1/memberships/**", MEMBER));

    /** What this request needs; any path not listed needs a valid token. */
    Access accessFor(HttpMethod method, PathContainer path) {
        for (Rule rule : rules) {
            if ((rule.method == null || rule.method.equals(method)) && rule.pattern.matches(path)) {
                return rule.access;
            }
        }
        return Access.AUTHENTICATED;
    }

    private static Rule rule(String pattern, Access access) {
        return rule(null, pattern, access);
    }

    private static Rule rule(@Nullable HttpMethod method, String pattern, Access access) {
        return new Rule(method, PathPatternParser.defaultInstance.parse(pattern), access);
    }

    private record Rule(@Nullable HttpMethod method, PathPattern pattern, Access access) {}
}
