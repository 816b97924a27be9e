package io.unimember.deploy;

import static io.unimember.deploy.DeployFiles.deploy;
import static io.unimember.deploy.DeployFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/Dockerfile: one single-stage runtime image for any module, not run as root. */
class DockerfileTests {

    final String dockerfile = read(deploy("Dockerfile"));

    @Test
    void packagesOneModuleJarOnTheTemurin25JreAsNonRoot() {
        assertThat(dockerfile)
                .containsPattern("(?m)^FROM eclipse-temurin:25-jre$")
                .containsPattern("(?m)^ARG MODULE$")
                .contains("COPY ${MODULE}/target/${MODULE}.jar")
                .contains("-Djarmode=tools")
                .containsPattern("(?m)^EXPOSE \\$\\{PORT}$")
                .containsPattern("(?m)^HEALTHCHECK .*")
                .containsPattern("(?m)^USER [1-9][0-9]*:[1-9][0-9]*$");
        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results())
                .as("one stage")
                .hasSize(1);
    }

    @Test
    void letsOnlyTheJarsAndTheHealthCheckIntoTheBuildContext() {
        assertThat(read(deploy("Dockerfile.dockerignore")).lines().toList())
                .contains("*", "!*/target/*.jar", "!deploy/healthcheck.sh");
        assertThat(dockerfile).contains("COPY --chmod=755 deploy/healthcheck.sh /usr/local/bin/healthcheck");
        assertThat(read(deploy("healthcheck.sh")))
                .startsWith("#!/usr/bin/env bash")
                .contains("HEALTH_PORT");
    }
}
