package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unimember.common.inbox.EventCodec;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entitlement lookup listener ({@link LookupListener}, decision 0017) in the running service: a plain lookup is
 * answered exactly as the main port answers it, an applied event shows in the next lookup, and everything else —
 * whatever the main port would refuse or answer differently — is declined with 421, never answered.
 */
class LookupListenerTests extends MemberIntegrationTest {

    private static final String LOOKUP = LeanLookupFilter.PATH + "?scene=ENTERTAINMENT&amountFen=8000";
    /** Headers that differ between any two answers, or only say how the body was framed or the connection kept. */
    private static final Set<String> PER_ANSWER =
            Set.of("date", "x-request-id", "content-length", "transfer-encoding", "keep-alive", "connection");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    LookupListener listener;

    @Autowired
    TestApi api;

    @Autowired
    TierEventsListener tierEvents;

    @Autowired
    CouponEventsListener couponEvents;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    MeterRegistry meters;

    @Test
    void answersAPlainLookupExactlyAsTheMainPortDoes() throws Exception {
        String memberId = TestEvents.newMemberId();
        String token = api.memberToken(memberId);
        TestEvents events = new TestEvents(json, codec);
        couponEvents.on(events.batch(
                events.envelope(TestEvents.fixed(memberId, "c-" + UUID.randomUUID(), 1500, 0, List.of("ALL")))));
        long answeredBefore = count("answered");

        HttpResponse<String> fromListener = get(LOOKUP, token, "lookup-listener-1");
        ResponseEntity<String> fromMainPort = api.get(LOOKUP, token);

        assertThat(fromListener.statusCode()).isEqualTo(200);
        assertThat(fromMainPort.getStatusCode().value()).isEqualTo(200);
        assertThat(fromListener.body()).isEqualTo(fromMainPort.getBody()).contains("\"discountFen\":1500");
        assertThat(comparable(fromListener.headers().map())).isEqualTo(comparable(fromMainPort.getHeaders()));
        assertThat(fromListener.headers().firstValue("X-Request-Id")).contains("lookup-listener-1");
        assertThat(count("answered")).isEqualTo(answeredBefore + 1);
    }

    @Test
    void anAppliedEventShowsInTheNextLookup() throws Exception {
        String memberId = TestEvents.newMemberId();
        String token = api.memberToken(memberId);
        TestEvents events = new TestEvents(json, codec);
        assertThat(tier(get(LOOKUP, token, null))).isEqualTo("REGULAR");

        tierEvents.on(events.batch(events.envelope(TestEvents.gold(memberId, 1))));

        assertThat(tier(get(LOOKUP, token, null))).isEqualTo("GOLD");
        assertThat(tier(get(LeanLookupFilter.PATH, token, null))).isEqualTo("GOLD");
    }

    @Test
    void declinesEverythingTheMainPortWouldNotAnswerWith200() throws Exception {
        String member = api.memberToken(TestEvents.newMemberId());
        Map<String, Object> login = api.login(TestApi.newPhone());
        String signedOut = (String) login.get("access_token");
        assertThat(api.send("POST", "/api/v1/members/me/logout", signedOut, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        long declinedBefore = count("declined");

        List<HttpRequest> refused = List.of(
                request(LOOKUP, null).GET().build(),
                request(LOOKUP, "not-a-jwt").GET().build(),
                request(LOOKUP, api.buToken("DINE_IN")).GET().build(),
                request(LOOKUP, signedOut).GET().build(),
                request(LeanLookupFilter.PATH + "?scene=NOWHERE", member).GET().build(),
                request(LeanLookupFilter.PATH + "?amountFen=-1", member).GET().build(),
                request(LOOKUP + "&utm_source=test", member).GET().build(),
                request(LeanLookupFilter.PATH + "?scene=ENTERTAINMENT&scene=HOTEL", member)
                        .GET()
                        .build(),
                request(LeanLookupFilter.PATH + "/", member).GET().build(),
                request("/api/v1/members/me", member).GET().build(),
                request("/actuator/health", null).GET().build(),
                request(LOOKUP, member)
                        .method("GET", HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                request(LOOKUP, member)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());

        for (HttpRequest request : refused) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as(request.method() + " " + request.uri())
                    .isEqualTo(421);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(json.readTree(answer.body()).get("code").asString()).isEqualTo("NOT_A_PLAIN_LOOKUP");
        }
        assertThat(count("declined")).isEqualTo(declinedBefore + refused.size());
        // the main port still answers the signed-out token and the unknown scene as before
        assertThat(api.get(LOOKUP, signedOut).getStatusCode().value()).isEqualTo(401);
        assertThat(api.get(LeanLookupFilter.PATH + "?scene=NOWHERE", member)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    private HttpResponse<String> get(String path, String token, @Nullable String requestId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token).GET();
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private String tier(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(answer.body());
        return view.get("tier").get("code").asString();
    }

    private long count(String outcome) {
        Timer timer = meters.find("unimember.entitlement.listener")
                .tag("outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static Map<String, Object> comparable(Map<String, List<String>> headers) {
        Map<String, Object> kept = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!PER_ANSWER.contains(lower) && !lower.equals(":status")) {
                kept.put(lower, values);
            }
        });
        return kept;
    }

    private static Map<String, Object> comparable(HttpHeaders headers) {
        Map<String, List<String>> plain = new TreeMap<>();
        headers.forEach(plain::put);
        return comparable(plain);
    }
}
