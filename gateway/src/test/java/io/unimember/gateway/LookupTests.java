package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.common.entitlements.CachedViews;
import io.unimember.common.entitlements.StoredView;
import io.unimember.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.core.type.TypeReference;

/**
 * The entitlement lookup answered by the gateway itself from the view member-service cached in Redis (decision 0024):
 * only while member-service's leases run, only for a view Redis holds, only for a plain lookup of a known scene; every
 * other lookup goes to member-service (here the stub, which echoes what it received) as before.
 */
class LookupTests extends GatewayTestSupport {

    private static final String LOOKUP = "/api/v1/members/me/entitlements?scene=ENTERTAINMENT&amountFen=8000";
    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");

    @Autowired
    MeterRegistry meters;

    @Autowired
    CachedViews keys;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void aCachedViewIsAnsweredByTheGatewayRenderedForTheSceneAndAmountWithoutAHop() {
        String member = "m-" + UUID.randomUUID();
        String token = TestTokens.member(member);
        leaseRunning();
        cache(member, 3, view(member, 1200));
        EntityExchangeResult<byte[]> answer = awaitAnsweredHere(LOOKUP, h -> {
            h.setBearerAuth(token);
            h.set("X-Request-Id", "lookup-1");
        });

        assertThat(answer.getStatus().value()).isEqualTo(200);
        long answeredBefore = answeredHere();
        double forwardedBefore = forwarded();
        long proxiedBefore = proxied();
        assertThat(get(LOOKUP, h -> h.setBearerAuth(token)).getStatus().value()).isEqualTo(200);
        assertThat(answeredHere()).isEqualTo(answeredBefore + 1);
        assertThat(forwarded())
                .as("an answer given here is not sent on as well")
                .isEqualTo(forwardedBefore);
        assertThat(proxied()).as("nothing went to member-service").isEqualTo(proxiedBefore);
        Map<String, Object> body = JSON.readValue(answer.getResponseBody(), new TypeReference<>() {});
        assertThat(body).containsEntry("memberId", member).containsEntry("scene", "ENTERTAINMENT");
        assertThat(body.get("tier").toString()).contains("code=GOLD");
        // redeemableFen from the point value member-service published (2 fen a point)
        assertThat(body.get("points").toString()).contains("available=1200", "redeemableFen=2400");
        // the 20% coupon capped at 1,000 fen comes first for an 8,000 fen bill; the hotel-only one is not shown
        assertThat(body.get("coupons").toString())
                .startsWith("[{couponId=c-percent, name=8折神券, discountFen=1000, usable=true")
                .contains("couponId=c-fixed, name=5元神券, discountFen=500, usable=true")
                .doesNotContain("c-hotel");
        HttpHeaders headers = answer.getResponseHeaders();
        assertThat(headers.getFirst("X-Request-Id")).isEqualTo("lookup-1");
        assertThat(headers.getContentType()).hasToString("application/json");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
    }

    @Test
    void aMerchantsLookupOfAMemberWhoConsentedIsAnsweredHereInTheMerchantsScene() {
        String member = "m-" + UUID.randomUUID();
        String merchant = "shop-" + UUID.randomUUID();
        String token = TestTokens.merchant(merchant, "HOTEL");
        leaseRunning();
        cache(member, 2, view(member, 300).withConsents(List.of(merchant)));

        EntityExchangeResult<byte[]> answer =
                awaitAnsweredHere("/open/v1/members/" + member + "/entitlements", h -> h.setBearerAuth(token));

        Map<String, Object> body = JSON.readValue(answer.getResponseBody(), new TypeReference<>() {});
        assertThat(body).containsEntry("memberId", member).containsEntry("scene", "HOTEL");
        assertThat(body.get("coupons").toString())
                .contains("c-hotel", "c-fixed")
                .doesNotContain("c-percent");
    }

    @Test
    void aMerchantTheViewDoesNotListGoesToMemberServiceWhichChecksTheConsent() {
        String member = "m-" + UUID.randomUUID();
        String merchant = "shop-" + UUID.randomUUID();
        String token = TestTokens.merchant(merchant, "HOTEL");
        leaseRunning();
        cache(member, 2, view(member, 300).withConsents(List.of("shop-" + UUID.randomUUID())));
        // a member this merchant may read, so the gateway has verified the merchant's token and answers here
        String readable = "m-" + UUID.randomUUID();
        cache(readable, 1, view(readable, 1).withConsents(List.of(merchant)));
        awaitAnsweredHere("/open/v1/members/" + readable + "/entitlements", h -> h.setBearerAuth(token));
        double before = forwarded();

        var notConsented = get("/open/v1/members/" + member + "/entitlements", h -> h.setBearerAuth(token));

        assertThat(echo(notConsented.getResponseBody()))
                .containsEntry("path", "/open/v1/members/" + member + "/entitlements");
        assertThat(forwarded()).isEqualTo(before + 1);
    }

    @Test
    void withoutRunningLeasesTheLookupGoesToMemberService() {
        String member = "m-" + UUID.randomUUID();
        String token = TestTokens.member(member);
        leaseRunning();
        cache(member, 3, view(member, 10));
        awaitAnsweredHere(LOOKUP, h -> h.setBearerAuth(token));

        // member-service could not tell Redis of a change and let its lease run out
        redis.opsForHash().put(keys.meta(), "lease:test-writer", "1");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> echo(get(LOOKUP, h -> h.setBearerAuth(token)).getResponseBody())
                        .containsKey("method"));
        leaseRunning();
    }

    @Test
    void aChangeCommittingOrNothingCachedGoesToMemberService() {
        String committing = "m-" + UUID.randomUUID();
        String uncached = "m-" + UUID.randomUUID();
        leaseRunning();
        redis.opsForValue().set(keys.key(committing), CachedViews.pending(4));
        String lookupOfCommitting = TestTokens.member(committing);
        String lookupOfUncached = TestTokens.member(uncached);
        get(LOOKUP, h -> h.setBearerAuth(lookupOfCommitting));
        get(LOOKUP, h -> h.setBearerAuth(lookupOfUncached));
        double before = forwarded();

        var first = get(LOOKUP, h -> h.setBearerAuth(lookupOfCommitting));
        var second = get(LOOKUP, h -> h.setBearerAuth(lookupOfUncached));

        assertThat(echo(first.getResponseBody())).containsEntry("method", "GET");
        assertThat(echo(second.getResponseBody())).containsEntry("method", "GET");
        assertThat(forwarded()).isEqualTo(before + 2);
    }

    @Test
    void aSceneMemberServiceDoesNotKnowOrAQueryItMustJudgeGoesToMemberService() {
        leaseRunning();
        for (String query : List.of("scene=MOON", "amountFen=-1", "scene=HOTEL&scene=HOTEL")) {
            // a member whose plain lookups the gateway answers (each member may burst 5 requests here)
            String member = "m-" + UUID.randomUUID();
            String token = TestTokens.member(member);
            cache(member, 1, view(member, 10));
            awaitAnsweredHere(LOOKUP, h -> h.setBearerAuth(token));

            var odd = get("/api/v1/members/me/entitlements?" + query, h -> h.setBearerAuth(token));

            assertThat(echo(odd.getResponseBody())).containsEntry("query", query);
        }
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
        long before = answeredHere();

        Map<String, List<String>> seen = forwardedHeaders(get(LOOKUP, spoofing).getResponseBody());

        assertThat(answeredHere()).isEqualTo(before);
        assertThat(seen.get("x-member-id")).containsExactly(member);
        assertThat(seen.get("x-scopes")).containsExactly("member");
    }

    @Test
    void whatTheGatewayDoesNotAnswerItselfTheFullPathAnswers() {
        String member = TestTokens.member("m-" + UUID.randomUUID());
        String business = TestTokens.bu("DINE_IN");
        get(LOOKUP, h -> h.setBearerAuth(member));
        get(LOOKUP, h -> h.setBearerAuth(business));
        long before = answeredHere();

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

        assertThat(answeredHere()).isEqualTo(before);
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
    void aForwardedLookupIsTimedAsEveryProxiedRequestToMemberService() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        long before = proxied();

        get(LOOKUP, h -> h.setBearerAuth(token)); // the full path, which verifies the token
        get(LOOKUP, h -> h.setBearerAuth(token)); // a plain lookup the cache cannot answer

        // recorded when the exchange ends, just after the client has the answer
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(proxied()).isEqualTo(before + 2));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504Problem() {
        String token = TestTokens.member("m-" + UUID.randomUUID());
        get(LOOKUP, h -> h.setBearerAuth(token));
        long before = answeredHere();

        // the stub answers this query after 5 s; the gateway waits 3
        EntityExchangeResult<byte[]> slow = get(LOOKUP + "&slow=true", h -> h.setBearerAuth(token));

        assertThat(answeredHere()).isEqualTo(before);
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

    private long answeredHere() {
        return meters.get("unimember.gateway.lookup").timer().count();
    }

    private double forwarded() {
        return meters.get("unimember.gateway.lookup.forwarded").counter().count();
    }

    /** The lookup, once the gateway has read the leases and answers it from the cache. */
    private EntityExchangeResult<byte[]> awaitAnsweredHere(String uri, Consumer<HttpHeaders> headers) {
        // one try a second, the member limit's refill: faster polls spent the test member's burst of 5 while the
        // gateway had not yet read the leases, and the test's next request was a 429 (CI)
        return await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            long before = answeredHere();
                            EntityExchangeResult<byte[]> result = get(uri, headers);
                            return answeredHere() == before + 1 ? result : null;
                        },
                        java.util.Objects::nonNull);
    }

    /** A lease as member-service renews it, running for a minute, with the scenes and 2 fen a point. */
    private void leaseRunning() {
        redis.execute(
                RedisScript.of(CachedViews.RENEW_LEASE_SCRIPT, Long.class),
                List.of(keys.meta()),
                CachedViews.renewArguments(
                                "test-writer", 60_000, Set.of("ENTERTAINMENT", "HOTEL", "DINE_IN"), 2, 600_000, 0)
                        .toArray());
    }

    private void cache(String member, long version, StoredView view) {
        redis.opsForValue()
                .set(
                        keys.key(member),
                        CachedViews.view(version, JSON.writeValueAsString(view)),
                        Duration.ofMinutes(10));
    }

    private static StoredView view(String member, long points) {
        return new StoredView(
                member,
                new StoredView.TierState("GOLD", "黄金", 2350, "PLATINUM", 5650, "1.2", 3),
                new StoredView.PointsState(points, 0, List.of()),
                List.of(
                        new StoredView.CouponTerms(
                                "c-fixed", "5元神券", "FIXED", 500, null, null, 0, List.of("ALL"), LATER, false),
                        new StoredView.CouponTerms(
                                "c-percent",
                                "8折神券",
                                "PERCENT",
                                0,
                                20,
                                1000L,
                                5000,
                                List.of("ENTERTAINMENT"),
                                LATER,
                                false),
                        new StoredView.CouponTerms(
                                "c-hotel", "酒店券", "FIXED", 3000, null, null, 0, List.of("HOTEL"), LATER, false)));
    }

    private long proxied() {
        return meters.get("unimember.gateway.proxy")
                .tags("service", "member", "outcome", "SUCCESS")
                .timer()
                .count();
    }
}
