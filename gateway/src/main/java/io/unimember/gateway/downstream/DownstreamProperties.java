package io.unimember.gateway.downstream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway reaches the services ({@code unimember.gateway.response-timeout-ms} is read by the routes'
 * metadata in {@code application.yml}).
 *
 * @param connectTimeoutMs how long opening a connection to a service may take, in milliseconds
 */
@ConfigurationProperties("unimember.gateway")
record DownstreamProperties(@DefaultValue("500") int connectTimeoutMs) {

    DownstreamProperties {
        // 0 would wait for ever on a service that does not answer
        if (connectTimeoutMs <= 0) {
            throw new IllegalArgumentException(
                    "unimember.gateway.connect-timeout-ms must be positive: " + connectTimeoutMs);
        }
    }
}
