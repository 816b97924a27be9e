package io.unimember.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may call the API: the H5 site and the mini-program's web views. Patterns such as
 * {@code https://*.example.com} are allowed.
 */
@ConfigurationProperties("unimember.gateway.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("PT30M") Duration maxAge) {}
