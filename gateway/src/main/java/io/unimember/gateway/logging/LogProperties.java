package io.unimember.gateway.logging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway logs; read by {@link JsonLogs} while the environment is prepared, before any bean exists.
 *
 * @param json the console in structured JSON (ECS) with request and trace ids ({@code UNIMEMBER_LOG_JSON=true})
 */
@ConfigurationProperties("unimember.log") // literal: deploy's AppProperties reads the prefix from the source
record LogProperties(@DefaultValue("false") boolean json) {

    static final String PREFIX = "unimember.log";
}
