package io.unimember.gateway.headers;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the client's address ({@code X-Client-Ip}, see {@link ClientIp}) comes from.
 *
 * @param trustedProxies the proxies before the gateway whose {@code X-Forwarded-For} is believed, as CIDRs (e.g.
 *     {@code 127.0.0.1/32,10.0.0.0/8}); empty (the default) trusts none, and the client is the TCP peer
 */
@ConfigurationProperties("unimember.gateway")
record ClientIpProperties(@DefaultValue List<String> trustedProxies) {

    /** @throws IllegalArgumentException naming the property, if an entry is not a CIDR (so the gateway won't start) */
    TrustedProxies parsed() {
        return TrustedProxies.of(trustedProxies);
    }
}
