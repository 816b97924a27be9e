package io.unimember.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.unimember.common.outbox.OutboxProperties;
import io.unimember.common.web.WebLimitProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TypedSettingsTests {

    @EnableConfigurationProperties({OutboxProperties.class, KafkaEventProperties.class, WebLimitProperties.class})
    static class Settings {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void unsetSettingsTakeTheDefaultsTheServicesRunWith() {
        context.run(started -> {
            var outbox = started.getBean(OutboxProperties.class);
            assertThat(outbox.completionThreads()).isEqualTo(4);
            assertThat(outbox.resubmitOlderThan()).isEqualTo(Duration.ofSeconds(15));
            assertThat(outbox.resubmitBatchSize()).isEqualTo(500);
            assertThat(outbox.resubmitMaxInFlight()).isEqualTo(1000);
            assertThat(outbox.batchedCompletion())
                    .isEqualTo(new OutboxProperties.BatchedCompletion(true, 100, 100_000));
            assertThat(outbox.groupedInserts().enabled()).isTrue();
            assertThat(started.getBean(KafkaEventProperties.class))
                    .isEqualTo(new KafkaEventProperties(6, new KafkaEventProperties.Retry(3, 200)));
            assertThat(started.getBean(WebLimitProperties.class).maxBodyBytes()).isEqualTo(65_536);
        });
    }

    @Test
    void settingsAreReadUnderTheirDocumentedNames() {
        context.withPropertyValues(
                        "unimember.outbox.resubmit-older-than=PT2S",
                        "unimember.outbox.batched-completion.enabled=false",
                        "unimember.outbox.grouped-inserts.enabled=false",
                        "unimember.kafka.partitions=3",
                        "unimember.kafka.retry.interval-ms=50",
                        "unimember.web.max-body-bytes=1024")
                .run(started -> {
                    var outbox = started.getBean(OutboxProperties.class);
                    assertThat(outbox.resubmitOlderThan()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(outbox.batchedCompletion().enabled()).isFalse();
                    assertThat(outbox.groupedInserts().enabled()).isFalse();
                    var kafka = started.getBean(KafkaEventProperties.class);
                    assertThat(kafka.partitions()).isEqualTo(3);
                    assertThat(kafka.retry().intervalMs()).isEqualTo(50);
                    assertThat(started.getBean(WebLimitProperties.class).maxBodyBytes())
                            .isEqualTo(1024);
                });
    }

    @Test
    void aServiceWithAHarmfulSettingDoesNotStart() {
        for (String harmful : new String[] {
            "unimember.outbox.resubmit-batch-size=0",
            "unimember.outbox.batched-completion.capacity=0",
            "unimember.kafka.partitions=0",
            "unimember.kafka.retry.attempts=-1",
            "unimember.web.max-body-bytes=0"
        }) {
            context.withPropertyValues(harmful).run(started -> assertThat(started)
                    .as(harmful)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("must be"));
        }
    }

    @Test
    void jsonLogsAreSwitchedOnByTheLogSetting() {
        var environment = withoutTheMachinesEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("unimember.log.json", "true")));

        new UnimemberDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void logsStayPlainUnlessAsked() {
        var environment = withoutTheMachinesEnvironment();

        new UnimemberDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    /** This machine's {@code UNIMEMBER_LOG_JSON} or system properties must not decide the test. */
    private static StandardEnvironment withoutTheMachinesEnvironment() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return environment;
    }
}
