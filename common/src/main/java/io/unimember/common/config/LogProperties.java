package io.unimember.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service logs; read by {@link UnimemberDefaults} while the environment is prepared, before any bean exists.
 *
 * @param json the console in structured JSON (ECS) with request and trace ids ({@code UNIMEMBER_LOG_JSON=true})
 */
@ConfigurationProperties("unimember.log") // literal: deploy's AppProperties reads the prefix from the source
public record LogProperties(@DefaultValue("false") boolean json) {

    static final String PREFIX = "unimember.log";
}
