package io.unimember.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a request URI may be.
 *
 * @param maxLength the longest path plus query the gateway forwards; longer is {@code 414 URI_TOO_LONG}. Within
 *     what the services' Tomcat reads in one request line with its headers (8 KiB by default)
 */
@ConfigurationProperties("unimember.gateway.uri")
record UriLimitProperties(@DefaultValue("4096") int maxLength) {

    UriLimitProperties {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("unimember.gateway.uri.max-length must be positive: " + maxLength);
        }
    }
}
