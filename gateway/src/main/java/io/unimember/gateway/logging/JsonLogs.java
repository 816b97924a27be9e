package io.unimember.gateway.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The same switch the services have (common's {@code UnimemberDefaults}, which the gateway does not depend on):
 * {@code UNIMEMBER_LOG_JSON=true} turns the console into structured JSON (Elastic Common Schema), one object per
 * line, with the request id and trace id the request's log lines carry ({@link RequestLogContext}).
 */
public class JsonLogs implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Binder.get(environment)
                .bindOrCreate(LogProperties.PREFIX, LogProperties.class)
                .json()) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "unimember-json-logs", Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
