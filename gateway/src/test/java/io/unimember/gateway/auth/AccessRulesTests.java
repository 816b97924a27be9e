package io.unimember.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

/** The path rules on their own, and the paths refused before any rule is read. */
class AccessRulesTests {

    private final AccessRules rules = new AccessRules();

    @Test
    void onlyPostingATemplateIsOpenToACampaignManager() {
        VerifiedToken campaigns = token(Set.of("bu:campaigns"));

        assertThat(access(HttpMethod.POST, "/api/v1/admin/coupon-templates").allows(campaigns))
                .isTrue();
        assertThat(access(HttpMethod.GET, "/api/v1/admin/coupon-templates").allows(campaigns))
                .isFalse();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/coupon-templates/t1").allows(campaigns))
                .isFalse();
    }

    @Test
    void aCampaignManagerRunsCampaignsAndReadsItsPoolWhileFinanceSetsPools() {
        VerifiedToken campaigns = token(Set.of("bu:campaigns"));
        VerifiedToken orders = token(Set.of("bu:orders"));
        VerifiedToken finance = operator("FINANCE");
        VerifiedToken support = operator("SUPPORT");

        assertThat(access(HttpMethod.POST, "/api/v1/admin/campaigns").allows(campaigns))
                .isTrue();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/campaigns/c1/activate")
                        .allows(campaigns))
                .isTrue();
        assertThat(access(HttpMethod.GET, "/api/v1/admin/campaigns/c1/report").allows(campaigns))
                .isTrue();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/campaigns").allows(orders))
                .isFalse();
        assertThat(access(HttpMethod.GET, "/api/v1/admin/budgets/HOTEL/2026-12").allows(campaigns))
                .isTrue();
        assertThat(access(HttpMethod.PUT, "/api/v1/admin/budgets/HOTEL/2026-12").allows(finance))
                .isTrue();
        assertThat(access(HttpMethod.PUT, "/api/v1/admin/budgets/HOTEL/2026-12").allows(support))
                .isFalse();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/campaigns").allows(support))
                .isFalse();
    }

    @Test
    void theLiabilityReportIsForAdminsAndBusButOtherPointsAdminPathsForAdminsOnly() {
        VerifiedToken bu = token(Set.of("bu:orders"));

        assertThat(access(HttpMethod.GET, "/api/v1/admin/points/liability").allows(bu))
                .isTrue();
        assertThat(access(HttpMethod.GET, "/api/v1/admin/points/liability").allows(token(Set.of("admin"))))
                .isTrue();
        assertThat(access(HttpMethod.GET, "/api/v1/admin/points/liability").allows(token(Set.of("member"))))
                .isFalse();
        assertThat(access(HttpMethod.GET, "/api/v1/admin/points/ledger/audit").allows(bu))
                .isFalse();
    }

    @Test
    void healthAndMetricsForPrometheusArePublicButOtherActuatorEndpointsAreForAdmins() {
        assertThat(access(HttpMethod.GET, "/actuator/health").isPublic()).isTrue();
        assertThat(access(HttpMethod.GET, "/actuator/health/readiness").isPublic())
                .isTrue();
        assertThat(access(HttpMethod.GET, "/actuator/prometheus").isPublic()).isTrue();
        assertThat(access(HttpMethod.GET, "/actuator/env").allows(token(Set.of("member"))))
                .isFalse();
        assertThat(access(HttpMethod.GET, "/actuator/env").allows(token(Set.of("admin"))))
                .isTrue();
    }

    @Test
    void anOperatorsRoleOpensTheAdminPathsOfTheirWorkOnly() {
        VerifiedToken finance = operator("FINANCE");
        VerifiedToken support = operator("SUPPORT");
        VerifiedToken buAdmin = operator("BU_ADMIN");
        VerifiedToken operator = operator("OPERATOR");
        VerifiedToken sharedAdminClient = token(Set.of("admin"));

        assertThat(access(HttpMethod.POST, "/api/v1/admin/settlement/close").allows(finance))
                .isTrue();
        assertThat(access(HttpMethod.GET, "/api/v1/admin/audit").allows(finance))
                .isTrue();
        assertThat(access(HttpMethod.GET, "/api/v1/admin/points/liability").allows(finance))
                .isTrue();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/coupon-templates").allows(finance))
                .isFalse();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/members/m1/freeze").allows(support))
                .isTrue();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/settlement/close").allows(support))
                .isFalse();
        assertThat(access(HttpMethod.GET, "/api/v1/admin/audit").allows(support))
                .isFalse();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/clients").allows(buAdmin))
                .isTrue();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/keys/rotate").allows(buAdmin))
                .isFalse();
        assertThat(access(HttpMethod.GET, "/actuator/env").allows(finance)).isFalse();
        for (VerifiedToken everything : List.of(operator, sharedAdminClient)) {
            assertThat(access(HttpMethod.POST, "/api/v1/admin/keys/rotate").allows(everything))
                    .isTrue();
            assertThat(access(HttpMethod.POST, "/api/v1/admin/settlement/close").allows(everything))
                    .isTrue();
        }
        // a role without the admin scope is nothing
        VerifiedToken roleOnly =
                new VerifiedToken("s", null, null, null, Set.of(), "", "k", "j", Long.MAX_VALUE, "OPERATOR");
        assertThat(access(HttpMethod.GET, "/api/v1/admin/audit").allows(roleOnly))
                .isFalse();
    }

    @Test
    void riskReviewsAreForOperatorsOnlyWhileSupportMayFreezeMembers() {
        // /api/v1/admin/risk/** has no rule of its own: the /api/v1/admin/** one, operators only
        Access risk = access(HttpMethod.GET, "/api/v1/admin/risk/reviews");

        assertThat(risk.needs()).isEqualTo("scope admin with one of the roles [OPERATOR]");
        assertThat(risk.allows(operator("OPERATOR"))).isTrue();
        assertThat(risk.allows(token(Set.of("admin")))).isTrue();
        for (String role : List.of("SUPPORT", "FINANCE", "BU_ADMIN")) {
            assertThat(risk.allows(operator(role))).as(role).isFalse();
        }
        assertThat(risk.allows(token(Set.of("member")))).isFalse();
        assertThat(access(HttpMethod.POST, "/api/v1/admin/risk/reviews/r1/decision")
                        .allows(operator("SUPPORT")))
                .isFalse();

        // the /api/v1/admin/members/** rule: support staff freeze members at the gateway
        Access freeze = access(HttpMethod.POST, "/api/v1/admin/members/mem_01HX/freeze");
        assertThat(freeze.needs()).isEqualTo("scope admin with one of the roles [OPERATOR, SUPPORT]");
        assertThat(freeze.allows(operator("SUPPORT"))).isTrue();
        assertThat(freeze.allows(operator("OPERATOR"))).isTrue();
        assertThat(freeze.allows(operator("FINANCE"))).isFalse();
    }

    @Test
    void theSignInPageOfTheAuthorizationCodeFlowIsPublic() {
        assertThat(access(HttpMethod.GET, "/login").isPublic()).isTrue();
        assertThat(access(HttpMethod.POST, "/login/code").isPublic()).isTrue();
        assertThat(access(HttpMethod.GET, "/oauth2/authorize").isPublic()).isTrue();
        assertThat(access(HttpMethod.GET, "/userinfo").isPublic()).isFalse();
    }

    @Test
    void anUnlistedPathNeedsJustAValidToken() {
        Access access = access(HttpMethod.GET, "/api/v1/something-new");

        assertThat(access.isPublic()).isFalse();
        assertThat(access.allows(token(Set.of()))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/members/../admin/clients",
                "/api/v1/members/./me",
                "/api/v1/members/..",
                "/api/v1/members/%2e%2e/admin",
                "/api/v1/members/%2E%2E/admin",
                "/api/v1/members%2fme",
                "/api/v1/members\\me",
                "/api/v1/members/%5C",
                "/api/v1/bu/orders/%00/refunds",
                "/api/v1/bu/orders/a%0Ab/refunds",
                "/api/v1/members/%7f"
            })
    void refusesDotAndEncodedSegments(String path) {
        assertThat(AuthenticationFilter.isAmbiguous(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/openid-configuration", "/api/v1/members/me", "/a/b.c/d..e", "/%20x"})
    void acceptsOrdinaryPaths(String path) {
        assertThat(AuthenticationFilter.isAmbiguous(path)).isFalse();
    }

    private Access access(HttpMethod method, String path) {
        return rules.accessFor(method, PathContainer.parsePath(path));
    }

    private static VerifiedToken operator(String role) {
        return new VerifiedToken(
                "op_x", null, null, null, Set.of("admin"), "admin", "k", "jti-2", Long.MAX_VALUE, role);
    }

    private static VerifiedToken token(Set<String> scopes) {
        return new VerifiedToken("s", null, null, null, scopes, String.join(" ", scopes), "k", "jti-1", Long.MAX_VALUE);
    }
}
