package io.unimember.member.login;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.unimember.member.members.PhoneProtection;
import io.unimember.member.risk.Registrations;
import io.unimember.member.tokens.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

class FixedCodeTests {

    @Test
    void aFixedCodeOutsideTheDemoProfileStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> otpLogin("000000", new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo");
    }

    @Test
    void aFixedCodeIsAllowedInTheDemoProfileAndNoneAnywhere() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");

        assertThatCode(() -> otpLogin("000000", demo)).doesNotThrowAnyException();
        assertThatCode(() -> otpLogin(null, new MockEnvironment())).doesNotThrowAnyException();
    }

    private static OtpLogin otpLogin(String fixedCode, MockEnvironment environment) {
        var properties = new OtpProperties(
                Duration.ofMinutes(5),
                List.of(new OtpProperties.SendLimit(1, Duration.ofMinutes(1))),
                5,
                Duration.ofMinutes(15),
                fixedCode);
        return new OtpLogin(
                mock(OtpChallengeRepository.class),
                mock(OtpRateLimiter.class),
                mock(PhoneProtection.class),
                mock(SmsSender.class),
                mock(Registrations.class),
                mock(TokenIssuer.class),
                mock(TransactionTemplate.class),
                properties,
                Clock.systemUTC(),
                environment);
    }
}
