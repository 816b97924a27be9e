package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.unimember.common.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lean lookup answers only the plain, valid case and hands everything else to the filter chain untouched (the
 * chain then answers as it always did: {@code LeanLookupTests} checks the two answers are the same).
 */
class LeanLookupFilterTests {

    private static final String GOOD = "good.token.sig";

    private final Entitlements entitlements = mock(Entitlements.class);
    private Map<String, Object> claims = Map.of("scope", "member", "member_id", "m-1");

    private final JwtDecoder decoder = token -> {
        if (!token.equals(GOOD)) {
            throw new BadJwtException("bad signature");
        }
        return new Jwt(token, Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    };

    private final LeanLookupFilter filter =
            new LeanLookupFilter(decoder, entitlements, JsonMapper.builder().build());

    @Test
    void answersAValidMembersPlainLookupWithTheViewAndSpringSecuritysHeaders() throws Exception {
        var answer = new EntitlementView(
                "m-1",
                "ENTERTAINMENT",
                new EntitlementView.Tier("GOLD", "黄金", 2350, "PLATINUM", 5650),
                new EntitlementView.Points(1520, 0, 1520, List.of()),
                List.of(),
                List.of(new EntitlementView.Benefit("POINTS_MULTIPLIER", "1.2")));
        when(entitlements.lookup(eq("m-1"), eq("ENTERTAINMENT"), eq(8000L))).thenReturn(answer);

        Sent sent = send("GET", LeanLookupFilter.PATH, "scene=ENTERTAINMENT&amountFen=8000", "Bearer " + GOOD);

        assertThat(sent.chainRan()).isFalse();
        assertThat(sent.response().getStatus()).isEqualTo(200);
        assertThat(sent.response().getContentType()).isEqualTo("application/json");
        assertThat(sent.response().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(JsonMapper.builder().build().writeValueAsString(answer))
                .contains("\"tier\":{\"code\":\"GOLD\"");
        assertThat(sent.response().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(sent.response().getHeader("Cache-Control")).contains("no-store");
        assertThat(sent.response().getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void readsTheSceneAndTheAmountInEitherOrderAndNeitherIsRequired() throws Exception {
        for (String query : new String[] {null, "", "scene=DINE_IN", "amountFen=0", "amountFen=12800&scene=HOTEL"}) {
            Sent sent = send("GET", LeanLookupFilter.PATH, query, "Bearer " + GOOD);
            assertThat(sent.chainRan()).as(String.valueOf(query)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "scene=dine_in", // lower case: not a BU code's shape
                "scene=",
                "scene=DINE_IN&scene=HOTEL", // twice
                "scene=%44INE_IN", // encoded: MVC decodes, we do not
                "scene=DINE+IN",
                "amountFen=-1",
                "amountFen=1e3",
                "amountFen=10000000001", // above the maximum
                "amountFen=99999999999999999999",
                "amountFen=",
                "amountfen=100",
                "page=2",
                "scene=DINE_IN&",
                "&scene=DINE_IN",
                "scene"
            })
    void leavesAnyOtherQueryToTheChain(String query) throws Exception {
        Sent sent = send("GET", LeanLookupFilter.PATH, query, "Bearer " + GOOD);

        assertThat(sent.chainRan()).isTrue();
        assertThat(sent.response().getContentAsString()).isEmpty();
        verifyNoInteractions(entitlements);
    }

    @Test
    void leavesEveryTokenItCannotVouchForToTheChain() throws Exception {
        for (String authorization : new String[] {
            null, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer bad.token.sig", "Bearer " + GOOD + " x"
        }) {
            Sent sent = send("GET", LeanLookupFilter.PATH, "scene=DINE_IN", authorization);
            assertThat(sent.chainRan()).as(String.valueOf(authorization)).isTrue();
        }
        verifyNoInteractions(entitlements);
    }

    @Test
    void leavesTokensWithoutTheMemberScopeOrAMemberToTheChain() throws Exception {
        List<Map<String, Object>> notAMember = List.of(
                Map.of("scope", "merchant:members", "member_id", "m-1"),
                Map.of("scope", "members", "member_id", "m-1"),
                Map.of("scope", List.of("member"), "member_id", "m-1"),
                Map.of("scp", "member", "member_id", "m-1"),
                Map.of("scope", "member"),
                Map.of("scope", "member", "member_id", " "));
        for (Map<String, Object> these : notAMember) {
            claims = these;
            Sent sent = send("GET", LeanLookupFilter.PATH, "", "Bearer " + GOOD);
            assertThat(sent.chainRan()).as(these.toString()).isTrue();
        }
        verifyNoInteractions(entitlements);
    }

    @Test
    void leavesOtherMethodsAndPathsToTheChain() throws Exception {
        assertThat(send("POST", LeanLookupFilter.PATH, "", "Bearer " + GOOD).chainRan())
                .isTrue();
        assertThat(send("GET", LeanLookupFilter.PATH + "/", "", "Bearer " + GOOD)
                        .chainRan())
                .isTrue();
        assertThat(send("GET", LeanLookupFilter.PATH + ";a=b", "", "Bearer " + GOOD)
                        .chainRan())
                .isTrue();
        verifyNoInteractions(entitlements);
    }

    @Test
    void aLookupThatFailsIsLeftToTheChainWhichAnswersWithAProblem() throws Exception {
        when(entitlements.lookup(eq("m-1"), eq("NOWHERE"), isNull()))
                .thenThrow(new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "unknown scene", Map.of()));
        when(entitlements.lookup(eq("m-1"), isNull(), any())).thenThrow(new IllegalStateException("database away"));

        assertThat(send("GET", LeanLookupFilter.PATH, "scene=NOWHERE", "Bearer " + GOOD)
                        .chainRan())
                .isTrue();
        assertThat(send("GET", LeanLookupFilter.PATH, "amountFen=1", "Bearer " + GOOD)
                        .chainRan())
                .isTrue();
    }

    private record Sent(MockHttpServletResponse response, boolean chainRan) {}

    private Sent send(String method, String path, @Nullable String query, @Nullable String authorization)
            throws Exception {
        var request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Sent(response, chain.getRequest() != null);
    }
}
