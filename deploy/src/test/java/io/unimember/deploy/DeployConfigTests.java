package io.unimember.deploy;

import static io.unimember.deploy.DeployFiles.yamlDocuments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * Keeps deploy/ true to the code: what compose, Kubernetes, Prometheus and Grafana refer to (services, ports,
 * properties, metrics) must exist. Runs without Docker or a cluster; uses their clients when they are installed.
 * The checks per area are in {@link ComposeFileTests}, {@link DockerfileTests}, {@link KubernetesManifestTests} and
 * {@link MonitoringConfigTests}.
 */
class DeployConfigTests {

    @Test
    void everyYamlFileUnderDeployParses() {
        var files = DeployFiles.yamlFilesUnderDeploy();
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        for (var file : files) {
            assertThatCode(() -> assertThat(yamlDocuments(file))
                            .as(file.toString())
                            .isNotEmpty()
                            .doesNotContainNull())
                    .as(file.toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theEnvironmentCheckFollowsSpringRelaxedBindingAndCatchesTypos() {
        var points = AppProperties.of("points-service");
        assertThat(points.reads("UNIMEMBER_DB_HOST")).isTrue();
        assertThat(points.reads("UNIMEMBER_KAFKA_BOOTSTRAP_SERVERS"))
                .as("dash as underscore")
                .isTrue();
        assertThat(points.reads("UNIMEMBER_SECURITY_JWKS_URI"))
                .as("@ConfigurationProperties record")
                .isTrue();
        assertThat(points.reads("UNIMEMBER_DB_HOTS")).isFalse();
        assertThat(points.reads("UNIMEMBER_KAFKA_BOOTSTRAP")).isFalse();
        var member = AppProperties.of("member-service");
        assertThat(member.reads("UNIMEMBER_PHONE_PEPPER"))
                .as("${UNIMEMBER_PHONE_PEPPER:...} placeholder")
                .isTrue();
        assertThat(points.reads("UNIMEMBER_PHONE_PEPPER"))
                .as("another service's variable")
                .isFalse();
    }
}
