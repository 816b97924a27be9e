package io.unimember.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokensTests {

    private final BearerTokens fast = new BearerTokens();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void answersAsSpringsResolverOnEveryShapeOfAuthorizationHeader() {
        Random random = new Random(7);
        int tokens = 0;
        int malformed = 0;
        for (int n = 0; n < 50_000; n++) {
            String header = randomHeader(random);
            String expected = outcome(spring::resolve, header);
            assertThat(outcome(fast::resolve, header)).as("header [%s]", header).isEqualTo(expected);
            tokens += expected.startsWith("token:") ? 1 : 0;
            malformed += expected.startsWith("error:") ? 1 : 0;
        }
        // the sample must hold accepted, refused and ignored headers, or the comparison proves nothing
        assertThat(tokens).isBetween(5_000, 45_000);
        assertThat(malformed).isBetween(5_000, 45_000);
    }

    @Test
    void takesTheTokenOfAWellFormedHeaderAndRefusesAMalformedOne() {
        assertThat(fast.resolve(request("Bearer abc.DEF-ghi_~+/=="))).isEqualTo("abc.DEF-ghi_~+/==");
        assertThat(fast.resolve(request("bearer abc"))).isEqualTo("abc");
        assertThat(fast.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
        assertThat(fast.resolve(new MockHttpServletRequest())).isNull();
        assertThatThrownBy(() -> fast.resolve(request("Bearer abc def")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> fast.resolve(request("Bearer "))).isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> fast.resolve(request("Bearer =="))).isInstanceOf(OAuth2AuthenticationException.class);
    }

    private interface Resolver {
        String resolve(MockHttpServletRequest request);
    }

    private static String outcome(Resolver resolver, String header) {
        try {
            return "token:" + Objects.requireNonNullElse(resolver.resolve(request(header)), "<none>");
        } catch (OAuth2AuthenticationException e) {
            return "error:" + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/members/me/entitlements");
        request.addHeader("Authorization", authorization);
        return request;
    }

    /** Mostly "Bearer" in any case and a token-ish tail, with the characters and places that break it. */
    private static String randomHeader(Random random) {
        String[] schemes = {"Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "Bearerx ", ""};
        String alphabet = "abcXYZ019-._~+/= \t%é\u0000";
        StringBuilder s = new StringBuilder(schemes[random.nextInt(schemes.length)]);
        int length = random.nextInt(12);
        boolean clean = random.nextInt(3) > 0;
        for (int i = 0; i < length; i++) {
            s.append(
                    clean ? "aZ9-._~+/".charAt(random.nextInt(9)) : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (random.nextInt(4) == 0) {
            s.append("=".repeat(random.nextInt(3)));
        }
        return s.toString();
    }
}
