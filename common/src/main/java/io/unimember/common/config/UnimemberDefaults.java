package io.unimember.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code unimember-defaults.yml} as the lowest-precedence configuration of every service, so the settings all
 * services share (virtual threads, Kafka, the outbox, actuator, the database URL pattern) live in one file and a
 * service's own {@code application.yml} only says what is different.
 */
public class UnimemberDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "unimember-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        // UNIMEMBER_LOG_JSON=true switches the console to structured JSON (ECS), with request and trace ids.
        LogProperties log = Binder.get(environment).bindOrCreate(LogProperties.PREFIX, LogProperties.class);
        if (log.json()) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "unimember-json-logs", Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
