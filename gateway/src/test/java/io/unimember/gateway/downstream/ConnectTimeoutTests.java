package io.unimember.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.netty.http.client.HttpClient;

class ConnectTimeoutTests {

    @EnableConfigurationProperties(DownstreamProperties.class)
    static class Settings {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theClientToTheServicesWaitsHalfASecondForAConnectionUnlessTold() {
        context.run(started -> assertThat(connectTimeoutOf(started.getBean(DownstreamProperties.class)))
                .isEqualTo(500));
        context.withPropertyValues("unimember.gateway.connect-timeout-ms=250")
                .run(started -> assertThat(connectTimeoutOf(started.getBean(DownstreamProperties.class)))
                        .isEqualTo(250));
    }

    @Test
    void aConnectTimeoutOfNoneStopsTheGatewayFromStarting() {
        context.withPropertyValues("unimember.gateway.connect-timeout-ms=0").run(started -> assertThat(started)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("connect-timeout-ms must be positive"));
    }

    private static Object connectTimeoutOf(DownstreamProperties properties) {
        HttpClient client =
                new DownstreamConfiguration().connectTimeout(properties).customize(HttpClient.create());
        return client.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS);
    }
}
