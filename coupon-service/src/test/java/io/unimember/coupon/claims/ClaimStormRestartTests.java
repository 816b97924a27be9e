package io.unimember.coupon.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.coupon.Api;
import io.unimember.coupon.CouponServiceApplication;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestInfrastructureInitializer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storm again, against a separate coupon-service instance on a fixed port that is stopped abruptly (no graceful
 * drain) while claims are in flight and started again on the same port. Claimers that lose their connection retry
 * with the same Idempotency-Key, as a client would. The invariants are checked on the database afterwards.
 */
@IntegrationTest
class ClaimStormRestartTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void aRestartInTheMiddleOfTheStormBreaksNoInvariant() throws Exception {
        String template = new Api(port, json).template(Api.fixedTemplate(500, 50, 1, 40 * 500));
        int stormPort = freePort();
        ConfigurableApplicationContext instance = start(stormPort);
        var storm = new ClaimStorm(Duration.ofMinutes(4));
        int answeredAtRestart;
        ClaimStorm.Result result;
        try (var background = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = background.submit(() -> storm.fire(
                    stormPort, template, ClaimStormTests.claimers(ClaimStormTests.CLAIMERS, ClaimStormTests.MEMBERS)));
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> storm.answered() >= 5);
            answeredAtRestart = storm.answered();
            instance.close();
            instance = start(stormPort);
            result = running.get(5, TimeUnit.MINUTES);
        } finally {
            instance.close();
        }
        var report = "restart after " + answeredAtRestart + " answers: " + result.summary() + "; "
                + result.outcomes().stream().filter(o -> o.attempts() > 1).count() + " claimers retried";
        System.out.println("CLAIM STORM " + report);

        assertThat(answeredAtRestart).as("the restart came mid-storm").isLessThan(ClaimStormTests.CLAIMERS);
        StormInvariants.of(jdbc, template).assertHeld(40, 1);
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.status() == 201
                        || Set.of("BUDGET_EXHAUSTED", "COUPON_LIMIT_REACHED").contains(o.code()))
                .as("%s", o)
                .isTrue());
        Set<String> answeredCoupons =
                result.issued().stream().map(ClaimStorm.Outcome::couponId).collect(Collectors.toSet());
        assertThat(answeredCoupons)
                .as("every coupon issued was answered to exactly one claimer, a retry getting the original")
                .hasSize(40)
                .isEqualTo(Set.copyOf(jdbc.sql("SELECT id FROM coupon WHERE template_id = ?")
                        .param(template)
                        .query(String.class)
                        .list()));
    }

    /** A full coupon-service against the test infrastructure, without Kafka listeners (this test needs none). */
    private static ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(CouponServiceApplication.class)
                .initializers(new TestInfrastructureInitializer())
                .run(
                        "--server.port=" + port,
                        "--server.shutdown=immediate",
                        "--spring.kafka.listener.auto-startup=false");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
