package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The entitlement lookup's lean path: a member's first lookup takes the full WebFlux path (which verifies the token
 * and remembers it), the next ones the lean path, and both forward the same request and answer the same thing. What
 * the lean path does not take, the full path answers as for any other path.
 */
class LeanLookupTests extends GatewayTestSupport {

    private static final String LOOKUP = "/api/v1/members/me/entitlements?scene=ENTERTAINMENT&amountFen=8000";
    /** Headers that differ between any two answers, or only say how the body was framed. */
    private static final Set<String> PER_ANSWER = Set.of("date", "content-length", "transfer-encoding");

    @Autowired
    MeterRegistry meters;

    @Test
    void aTokenSeenBeforeTakesTheLeanPathAndItForwardsAndAnswersAsTheFullPathDoes() {
        String member = "m-" + UUID.randomUUID();
        String token = TestTokens.member(member);
        Consumer<HttpHeaders> client = headers -> {
            headers.setBearerAuth(token);
            headers.set("X-Request-Id", "lean-compare-1");
            headers.set("X-Member-Id", "someone-else");
            headers.set("X-Unimember-Admin", "true");
            headers.set("X-Forwarded-For", "203.0.113.9");
            headers.set(HttpHeaders.CONNECTION, "keep-alive, X-Hop-Secret");
            headers.set("X-Hop-Secret", "for the next hop only");
            headers.addAll(HttpHeaders.ACCEPT_LANGUAGE, List.of("zh-CN", "en"));
            headers.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        };
        double before = lean();

        EntityExchangeResult<byte[]> full = get(LOOKUP, client);
        double afterFirst = lean();
        EntityExchangeResult<byte[]> leanAnswer = get(LOOKUP, client);

        assertThat(afterFirst)
                .as("the first lookup verifies the token on the full path")
                .isEqualTo(before);
        assertThat(lean()).as("the second takes the lean path").isEqualTo(before + 1);
        assertThat(leanAnswer.getStatus().value()).isEqualTo(200);
        assertThat(full.getStatus()).isEqualTo(leanAnswer.getStatus());
        assertThat(comparable(leanAnswer.getResponseHeaders())).isEqualTo(comparable(full.getResponseHeaders()));
        assertThat(leanAnswer.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo("lean-compare-1");
        Map<String, Object> seenLean = echo(leanAnswer.getResponseBody());
        Map<String, Object> seenFull = echo(full.getResponseBody());
        // the test client numbers its requests in a header of its own
        forwardedOf(seenLean).remove("webtestclient-request-id");
        forwardedOf(seenFull).remove("webtestclient-request-id");
        assertThat(seenLean).isEqualTo(seenFull);
        assertThat(seenLean.get("query")).isEqualTo("scene=ENTERTAINMENT&amountFen=8000");
        Map<String, List<String>> headers = forwardedHeaders(leanAnswer.getResponseBody());
        assertThat(headers.get("x-member-id")).containsExactly(member);
        assertThat(headers.get("x-request-id")).containsExactly("lean-compare-1");
        assertThat(headers.get("accept-language")).containsExactly("zh-CN", "en");
        assertThat(headers.get("authorization")).containsExactly("Bearer " + token);
        assertThat(headers.get("host"))
                .containsExactly(StubService.shared().uri().substring("http://".length()));
        assertThat(headers)
                .doesNotContainKeys("x-unimember-admin", "x-forwarded-for", "x-hop-secret", "connection", "origin");
    }

    @Test
    void theMemberIdentityForwardedIsTheTokensNeverTheClaimedOne() {
        String member = "m-" + UUID.randomUUID();
        String token = TestTokens.member(member);
        Consumer<HttpHeaders> spoofing = headers -> {
            headers.setBearerAuth(token);
            headers.set("X-Member-Id", "m-victim");
            headers.set("X-Scopes", "admin");
        };
        get(LOOKUP, spoofing);
        double before = lean();

        Map<String, List<String>> seen = forwardedHeaders(get(LOOKUP, spoofing).getResponseBody());

        assertThat(lean()).isEqualTo(before + 1);
        assertThat(seen.get("x-member-id")).containsExactly(member);
        assertThat(seen.get("x-scopes")).containsExactly("member");
    }

    @Test
    void whatTheLeanPathDoesNotTakeTheFullPathAnswers() {
        String member = TestTokens.member("m-" + UUID.randomUUID());
        String business = TestTokens.bu("DINE_IN");
        get(LOOKUP, h -> h.setBearerAuth(member));
        get(LOOKUP, h -> h.setBearerAuth(business));
        double before = lean();

        // a browser's request (CORS is the full path's), an unusual query, another path, another method
        var browser = get(LOOKUP, h -> {
            h.setBearerAuth(member);
            h.set(HttpHeaders.ORIGIN, "http://localhost:5173");
        });
        var oddQuery = get("/api/v1/members/me/entitlements?scene=HOTEL&note=(a;b)", h -> h.setBearerAuth(member));
        var longer = get("/api/v1/members/me/entitlements/x", h -> h.setBearerAuth(member));
        var post = client.method(HttpMethod.POST)
                .uri(LOOKUP)
                .headers(h -> h.setBearerAuth(member))
                .exchange()
                .expectBody()
                .returnResult();
        // a verified token without the member scope, a token never seen, no token
        var bu = get(LOOKUP, h -> h.setBearerAuth(business));
        var unknown = get(LOOKUP, h -> h.setBearerAuth("not.a.token"));
        var none = get(LOOKUP, h -> {});

        assertThat(lean()).isEqualTo(before);
        assertThat(browser.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo("http://localhost:5173");
        assertThat(oddQuery.getStatus().value()).isEqualTo(200);
        assertThat(longer.getStatus().value()).isEqualTo(200);
        assertThat(echo(post.getResponseBody()).get("method")).isEqualTo("POST");
        assertThat(bu.getStatus().value()).isEqualTo(403);
        assertThat(problem(bu.getResponseBody()).get("code")).isEqualTo("INSUFFICIENT_SCOPE");
        assertThat(unknown.getStatus().value()).isEqualTo(401);
        assertThat(none.getStatus().value()).isEqualTo(401);
    }

    @Test
    void aMemberOverTheLimitIsAnswered429ByTheFullPath() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        List<Integer> statuses = new ArrayList<>();
        EntityExchangeResult<byte[]> limited = null;
        // the tests' limit: a burst of 5, then 1 a second
        for (int i = 0; i < 8; i++) {
            EntityExchangeResult<byte[]> result = get(LOOKUP, h -> h.setBearerAuth(token));
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 429) {
                limited = result;
            }
        }

        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(limited).isNotNull();
        assertThat(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isNotBlank();
        assertThat(problem(limited.getResponseBody()).get("code")).isEqualTo("RATE_LIMITED");
    }

    @Test
    void isTimedAsEveryProxiedRequestToMemberService() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        get(LOOKUP, h -> h.setBearerAuth(token));
        long before = proxied();

        get(LOOKUP, h -> h.setBearerAuth(token));

        // recorded when the exchange ends, just after the client has the answer
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(proxied()).isEqualTo(before + 1));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504Problem() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        get(LOOKUP, h -> h.setBearerAuth(token));
        double before = lean();

        // the stub answers this query after 5 s; the gateway waits 3
        EntityExchangeResult<byte[]> slow = get(LOOKUP + "&slow=true", h -> h.setBearerAuth(token));

        assertThat(lean()).isEqualTo(before + 1);
        assertThat(slow.getStatus().value()).isEqualTo(504);
        assertThat(problem(slow.getResponseBody()).get("code")).isEqualTo("UPSTREAM_TIMEOUT");
    }

    private EntityExchangeResult<byte[]> get(String uri, Consumer<HttpHeaders> headers) {
        return client.get().uri(uri).headers(headers).exchange().expectBody().returnResult();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> forwardedOf(Map<String, Object> echo) {
        return (Map<String, List<String>>) echo.get("headers");
    }

    private double lean() {
        return meters.get("unimember.gateway.lookup.lean").functionCounter().count();
    }

    private long proxied() {
        return meters.get("unimember.gateway.proxy")
                .tags("service", "member", "outcome", "SUCCESS")
                .timer()
                .count();
    }

    private static Map<String, List<String>> comparable(HttpHeaders headers) {
        Map<String, List<String>> result = new TreeMap<>();
        headers.forEach((name, values) -> {
            if (!PER_ANSWER.contains(name.toLowerCase(Locale.ROOT))) {
                result.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return result;
    }
}
