package io.unimember.common.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the published OpenAPI documents say about where and what the API is.
 *
 * @param publicUrl the gateway's public URL: the one server integrators call (the services' own ports are internal)
 * @param version the API's version as the documents state it
 * @param contact where integrators ask questions
 */
@ConfigurationProperties("unimember.openapi")
public record OpenApiProperties(
        @DefaultValue("http://127.0.0.1:8080") String publicUrl,
        @DefaultValue("1.0.0") String version,
        @DefaultValue("https://github.com/unimember/unimember/issues") String contact) {

    /** The token endpoint, reached through the gateway like every other endpoint the discovery document names. */
    String tokenUrl() {
        return publicUrl.replaceAll("/+$", "") + "/oauth2/token";
    }
}
