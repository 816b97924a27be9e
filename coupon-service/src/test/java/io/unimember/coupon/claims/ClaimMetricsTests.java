package io.unimember.coupon.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** {@code unimember.coupon.claims{outcome}}: one per answered claim attempt, none for a replayed answer. */
@IntegrationTest
class ClaimMetricsTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry registry;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
    }

    @Test
    void anIssuedClaimCountsOnceAndItsRetryNotAgain() {
        Map<String, Double> before = outcomes();
        String template = api.template(Api.fixedTemplate(500, 100, 5, 50_000));
        String member = Api.member();
        String key = UUID.randomUUID().toString();

        assertThat(api.claim(member, template, key).status()).isEqualTo(201);
        assertThat(api.claim(member, template, key).status()).isEqualTo(201);

        assertThat(delta(before)).isEqualTo(Map.of("issued", 1.0));
    }

    @Test
    void eachRefusalCountsUnderItsOutcome() {
        Map<String, Double> before = outcomes();
        String limited = api.template(Api.fixedTemplate(500, 100, 1, 50_000));
        String single = api.template(Api.fixedTemplate(500, 1, 1, 50_000));
        String underfunded = api.template(Api.fixedTemplate(500, 100, 5, 1_000));
        String member = Api.member();

        assertThat(api.claim(member, limited).status()).isEqualTo(201);
        assertThat(api.claim(member, limited).code()).isEqualTo("COUPON_LIMIT_REACHED");
        assertThat(api.claim(member, single).status()).isEqualTo(201);
        assertThat(api.claim(Api.member(), single).code()).isEqualTo("COUPON_SOLD_OUT");
        assertThat(api.claim(Api.member(), single).code()).isEqualTo("COUPON_SOLD_OUT");
        assertThat(api.claim(member, underfunded).status()).isEqualTo(201);
        assertThat(api.claim(member, underfunded).status()).isEqualTo(201);
        assertThat(api.claim(member, underfunded).code()).isEqualTo("BUDGET_EXHAUSTED");

        assertThat(delta(before))
                .isEqualTo(Map.of("issued", 4.0, "limit_reached", 1.0, "sold_out", 2.0, "budget_exhausted", 1.0));
    }

    @Test
    void everyOutcomeIsOnThePrometheusEndpoint() {
        String scrape = RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);

        Map<String, Double> scraped = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^unimember_coupon_claims_total\\{([^}]*)\\} (\\S+)$")
                .matcher(scrape);
        while (m.find()) {
            assertThat(m.group(1)).contains("application=\"coupon-service\"");
            Matcher outcome = Pattern.compile("outcome=\"([a-z_]+)\"").matcher(m.group(1));
            assertThat(outcome.find()).isTrue();
            scraped.put(outcome.group(1), Double.parseDouble(m.group(2)));
        }
        assertThat(scraped).isEqualTo(outcomes());
        assertThat(scraped).containsOnlyKeys("issued", "sold_out", "limit_reached", "budget_exhausted");
    }

    @Test
    void theIssuingRetryAndBulkheadsPublishResilience4jMetrics() {
        String template = api.template(Api.fixedTemplate(500, 100, 5, 50_000));
        assertThat(api.claim(Api.member(), template).status()).isEqualTo(201);

        String scrape = RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);

        assertThat(scrape)
                .containsPattern("(?m)^resilience4j_retry_calls_total\\{[^}]*kind=\"successful_without_retry\""
                        + "[^}]*name=\"issuing\"[^}]*\\} [1-9]")
                .containsPattern("(?m)^resilience4j_retry_calls_total\\{[^}]*name=\"allotment\"")
                .containsPattern("(?m)^resilience4j_bulkhead_max_allowed_concurrent_calls\\{[^}]*"
                        + "name=\"coupon-issuing-lane-00\"[^}]*\\} 8")
                .containsPattern("(?m)^resilience4j_bulkhead_available_concurrent_calls\\{[^}]*"
                        + "name=\"coupon-issuing-lane-63\"");
    }

    private Map<String, Double> outcomes() {
        Map<String, Double> counts = new LinkedHashMap<>();
        registry.find("unimember.coupon.claims")
                .counters()
                .forEach(c -> counts.put(c.getId().getTag("outcome"), c.count()));
        return counts;
    }

    private Map<String, Double> delta(Map<String, Double> before) {
        Map<String, Double> changed = new LinkedHashMap<>();
        outcomes().forEach((outcome, now) -> {
            double d = now - before.getOrDefault(outcome, 0.0);
            if (d != 0) {
                changed.put(outcome, d);
            }
        });
        return changed;
    }
}
