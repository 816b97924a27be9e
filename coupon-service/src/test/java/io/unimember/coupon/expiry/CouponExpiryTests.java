package io.unimember.coupon.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.events.Topics;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import io.unimember.testsupport.TestOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CouponExpiryTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CouponExpiry expiry;

    @Autowired
    DataSource dataSource;

    @Test
    void aCouponPastItsEndExpiresOnceEvenWhenTwoRunsRace() {
        Api api = new Api(port, json);
        var shortLived = Api.fixedTemplate(300, 100, 1, 30_000);
        shortLived.remove("validDays");
        // the runs are told the time, so the coupon need not really run out: its end is far enough ahead for the
        // claim to land before it on a loaded box, and nothing waits for the clock
        Instant end = Instant.now().plus(Duration.ofMinutes(2));
        shortLived.put("validFrom", Instant.now().minusSeconds(60).toString());
        shortLived.put("validTo", end.toString());
        String member = Api.member();
        String coupon = api.claim(member, api.template(shortLived)).text("couponId");

        Instant now = end.plusMillis(100);
        var one = CompletableFuture.supplyAsync(() -> expiry.expireDueAt(now));
        var other = CompletableFuture.supplyAsync(() -> expiry.expireDueAt(now));
        one.join();
        other.join();

        assertThat(jdbc.sql("SELECT status FROM coupon WHERE id = ?")
                        .param(coupon)
                        .query(String.class)
                        .single())
                .isEqualTo("EXPIRED");
        // both runs are done: once the outbox holds nothing of the coupon's, the topic holds all there will be
        TestOutbox.awaitSent(dataSource, coupon);
        var announced =
                TestKafka.recordsUpToNow(Topics.COUPON, v -> v.contains(coupon) && v.contains("coupon.expired"))
                        .stream()
                        .map(r -> json.readTree(r.value()))
                        .toList();
        assertThat(announced.stream().map(e -> e.path("eventId").asString()).collect(Collectors.toSet()))
                .as("one coupon.expired")
                .hasSize(1);
        assertThat(announced.getFirst().path("memberId").asString()).isEqualTo(member);
        assertThat(Instant.parse(
                        announced.getFirst().path("data").path("expiredAt").asString()))
                .isEqualTo(end.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(expiry.expireDueAt(now))
                .as("a third run finds nothing of it")
                .isZero();
    }
}
