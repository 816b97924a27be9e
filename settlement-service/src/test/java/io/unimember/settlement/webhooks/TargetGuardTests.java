package io.unimember.settlement.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unimember.common.web.ApiException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTests {

    private final TargetGuard production = new TargetGuard(properties(false));
    private final TargetGuard demo = new TargetGuard(properties(true));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://127.1.2.3:8080/hook",
                "http://localhost/hook",
                "http://10.1.2.3/hook",
                "http://172.16.0.9/hook",
                "http://192.168.1.1/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/hook",
                "http://0.0.0.0/hook",
                "http://[::1]/hook",
                "http://[fd00::1]/hook",
                "http://[fe80::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://224.0.0.1/hook",
                "ftp://93.184.216.34/hook",
                "file:///etc/passwd",
                "gopher://93.184.216.34/",
                "http://user:pass@93.184.216.34/hook"
            })
    void privateLoopbackLinkLocalAndNonHttpTargetsAreForbidden(String url) {
        assertThatThrownBy(() -> production.check(url))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(TargetGuard.FORBIDDEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hooks/unimember", "http://8.8.8.8:8443/x?y=1"})
    void publicAddressesAreAccepted(String url) {
        assertThat(production.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "http:///nohost", "https://93.184.216.34/a#frag"})
    void malformedUrlsAreBadRequests(String url) {
        assertThatThrownBy(() -> production.check(url))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("WEBHOOK_URL_INVALID"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9999/hook", "http://localhost/hook"})
    void theDemoAcceptsLoopbackButStillOnlyHttp(String url) {
        assertThat(demo.check(url).toString()).isEqualTo(url);
        assertThatThrownBy(() -> demo.check("ftp://127.0.0.1/x")).isInstanceOf(ApiException.class);
    }

    static WebhookProperties properties(boolean allowPrivate) {
        return new WebhookProperties(
                allowPrivate,
                20,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofHours(1),
                Duration.ofHours(24),
                Duration.ofHours(1),
                500,
                256,
                4,
                Duration.ofMinutes(1),
                Duration.ofMillis(200));
    }
}
