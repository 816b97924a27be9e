package io.unimember.member.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unimember.common.entitlements.CachedViews;
import io.unimember.member.MemberServiceApplication;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestInfrastructureInitializer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A member-service instance that stops cleanly takes its lease out of the views' hash, so the gateways go on believing
 * the cache instead of forwarding every lookup until the lease is forgotten (ten minutes after it ran out).
 */
@IntegrationTest(properties = "spring.kafka.listener.auto-startup=false")
class ViewLeaseStopTests {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CachedViews keys;

    @Test
    void aCleanStopRemovesTheInstancesLease() {
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(MemberServiceApplication.class)
                .initializers(new TestInfrastructureInitializer())
                .run("--server.port=0", "--spring.kafka.listener.auto-startup=false");
        String itsLease = instance.getBean(ViewLease.class).field();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> leases().contains(itsLease));
        } finally {
            instance.close();
        }

        assertThat(leases()).as("leases after the second instance stopped").doesNotContain(itsLease);
    }

    private Set<String> leases() {
        Set<String> leases = new HashSet<>();
        for (String field : redis.<String, String>opsForHash().keys(keys.meta())) {
            if (field.startsWith("lease:")) {
                leases.add(field);
            }
        }
        return leases;
    }
}
