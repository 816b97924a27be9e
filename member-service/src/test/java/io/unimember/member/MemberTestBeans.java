package io.unimember.member;

import io.unimember.member.clients.Clients;
import io.unimember.member.members.PhoneProtection;
import io.unimember.member.tokens.TokenIssuer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/** What every member-service integration test context adds: an SMS sender the tests can read. */
@TestConfiguration(proxyBeanMethods = false)
public class MemberTestBeans {

    @Bean
    @Primary
    CapturingSmsSender capturingSmsSender() {
        return new CapturingSmsSender();
    }

    @Bean
    TestApi testApi(
            Environment environment,
            CapturingSmsSender sms,
            Clients clients,
            PhoneProtection phones,
            StringRedisTemplate redis,
            TokenIssuer issuer) {
        return new TestApi(environment, sms, clients, phones, redis, issuer);
    }
}
