package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unimember.member.MemberIntegrationTest;
import io.unimember.member.TestApi;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The lean lookup ({@link LeanLookupFilter}) in the running service: its answer is the one Spring Security and MVC
 * give for the same lookup, and what the chain refuses it never answers.
 */
class LeanLookupTests extends MemberIntegrationTest {

    private static final String LOOKUP = LeanLookupFilter.PATH + "?scene=ENTERTAINMENT&amountFen=8000";
    /** Headers that differ between any two answers, or that only say how the body was framed. */
    private static final Set<String> PER_ANSWER =
            Set.of("date", "x-request-id", "content-length", "transfer-encoding", "keep-alive", "connection");

    @Autowired
    TestApi api;

    @Autowired
    MeterRegistry meters;

    @Test
    void answersExactlyAsSpringSecurityAndMvcDo() {
        String token = api.memberToken(TestEvents.newMemberId());

        ResponseEntity<String> lean = api.get(LOOKUP, token);
        // a parameter the lean path does not know sends the same lookup down the filter chain to the controller
        ResponseEntity<String> chain = api.get(LOOKUP + "&utm_source=test", token);

        assertThat(lean.getStatusCode().value()).isEqualTo(200);
        assertThat(chain.getStatusCode()).isEqualTo(lean.getStatusCode());
        assertThat(lean.getBody()).isEqualTo(chain.getBody()).contains("\"scene\":\"ENTERTAINMENT\"");
        assertThat(comparable(lean.getHeaders())).isEqualTo(comparable(chain.getHeaders()));
    }

    @Test
    void isCountedAndTimedAsTheEndpointsRequests() {
        String token = api.memberToken(TestEvents.newMemberId());
        long before = answered();

        assertThat(api.get(LOOKUP, token).getStatusCode().value()).isEqualTo(200);

        // the observation stops just after the answer is written
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(answered()).isEqualTo(before + 1));
    }

    @Test
    void aSignedOutTokenOrAnotherKindOfCallerIsRefusedAsBefore() {
        Map<String, Object> login = api.login(TestApi.newPhone());
        String access = (String) login.get("access_token");
        assertThat(api.get(LOOKUP, access).getStatusCode().value()).isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/members/me/logout", access, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);

        var signedOut = api.get(LOOKUP, access);
        var business = api.get(LOOKUP, api.buToken("DINE_IN"));
        var noToken = api.get(LOOKUP, null);

        assertThat(signedOut.getStatusCode().value()).isEqualTo(401);
        assertThat(signedOut.getBody()).contains("\"code\":\"UNAUTHORIZED\"");
        assertThat(business.getStatusCode().value()).isEqualTo(403);
        assertThat(noToken.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anUnknownSceneIsTheChainsProblem() {
        var answer = api.get(LeanLookupFilter.PATH + "?scene=NOWHERE", api.memberToken(TestEvents.newMemberId()));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("\"field\":\"scene\"");
    }

    private long answered() {
        Timer timer = meters.find("http.server.requests")
                .tag("uri", LeanLookupFilter.PATH)
                .tag("status", "200")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static Map<String, Object> comparable(HttpHeaders headers) {
        Map<String, Object> kept = new TreeMap<>();
        headers.forEach((name, values) -> {
            if (!PER_ANSWER.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return kept;
    }
}
