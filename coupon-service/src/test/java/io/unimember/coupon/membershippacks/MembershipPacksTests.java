package io.unimember.coupon.membershippacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.events.DomainEvent;
import io.unimember.common.events.EventEnvelope;
import io.unimember.common.events.MembershipActivated;
import io.unimember.common.events.MembershipLapsed;
import io.unimember.common.events.MembershipTerms;
import io.unimember.common.events.Topics;
import io.unimember.common.inbox.EventCodec;
import io.unimember.coupon.Api;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A paid membership's monthly packs and partner benefit: on activation, then each month it runs, each month once. */
@IntegrationTest
class MembershipPacksTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    EventCodec codec;

    @Autowired
    MonthlyPacks monthly;

    Api api;
    String pack;
    String partner;

    @BeforeEach
    void setUp() {
        api = new Api(port, json);
        pack = api.template(Api.fixedTemplate(500, 10_000, 100, 5_000_000));
        Map<String, Object> video = Api.fixedTemplate(1500, 10_000, 100, 15_000_000);
        video.put("fundingBu", "ENTERTAINMENT");
        partner = api.template(video);
    }

    @Test
    void activationIssuesThisMonthsPackOnceHoweverOftenTheEventComes() {
        String member = Api.member();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String event = envelope(activated(member, now.plus(Duration.ofDays(30)), 1));

        deliver(member, event);
        deliver(member, event);
        await().atMost(Duration.ofSeconds(60)).until(() -> coupons(member, pack) == 3 && coupons(member, partner) == 1);
        monthly.run();
        assertThat(coupons(member, pack)).isEqualTo(3);
        assertThat(coupons(member, partner)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT DISTINCT channel FROM coupon WHERE member_id = ?")
                        .param(member)
                        .query(String.class)
                        .list())
                .containsExactly("MEMBERSHIP");
    }

    @Test
    void eachLaterMonthOfTheMembershipBringsItsPackOnceAndALapsedOneNone() {
        String member = Api.member();
        String lapsing = Api.member();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        deliver(member, envelope(activated(member, now.plus(Duration.ofDays(70)), 1)));
        deliver(lapsing, envelope(activated(lapsing, now.plus(Duration.ofDays(70)), 1)));
        deliver(lapsing, envelope(new MembershipLapsed(lapsing, "SUPER", now.plusSeconds(1), "RENEWAL_UNPAID", 2)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> coupons(member, pack) == 3
                        && coupons(lapsing, pack) == 3
                        && jdbc.sql("SELECT version FROM membership_pack WHERE member_id = ?")
                                        .param(lapsing)
                                        .query(Long.class)
                                        .single()
                                == 2);

        Instant nextMonth = now.plus(Duration.ofDays(35));
        monthly.run(nextMonth);
        monthly.run(nextMonth);

        assertThat(coupons(member, pack)).isEqualTo(6);
        assertThat(coupons(member, partner)).isEqualTo(2);
        assertThat(coupons(lapsing, pack)).isEqualTo(3);
    }

    private MembershipActivated activated(String member, Instant endsAt, long version) {
        var terms = new MembershipTerms(
                "SUPER",
                "神会员",
                "p-" + member,
                "pay-" + member,
                "FOOD_DELIVERY",
                1800,
                Instant.now(),
                endsAt,
                15000,
                List.of(new MembershipTerms.Counted("FREE_DELIVERY", 3)),
                List.of(new MembershipTerms.CouponPack(pack, 3), new MembershipTerms.CouponPack(partner, 1)),
                List.of(new MembershipTerms.RevenueShare("FOOD_DELIVERY", 1800)));
        return new MembershipActivated(member, terms, version);
    }

    private String envelope(DomainEvent event) {
        return codec.toJson(EventEnvelope.wrap(event, "test", Instant.now(), json));
    }

    private void deliver(String member, String event) {
        TestKafka.send(Topics.MEMBERSHIP, member, event);
    }

    private int coupons(String member, String template) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?")
                .params(member, template)
                .query(Integer.class)
                .single();
    }
}
