package io.unimember.deploy;

import static io.unimember.deploy.DeployFiles.APPS;
import static io.unimember.deploy.DeployFiles.INFRA;
import static io.unimember.deploy.DeployFiles.appPorts;
import static io.unimember.deploy.DeployFiles.at;
import static io.unimember.deploy.DeployFiles.deploy;
import static io.unimember.deploy.DeployFiles.listAt;
import static io.unimember.deploy.DeployFiles.mapAt;
import static io.unimember.deploy.DeployFiles.read;
import static io.unimember.deploy.DeployFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/compose.yaml: the apps, their ports, health, dependencies and environment match the code. */
class ComposeFileTests {

    final Map<String, Object> compose = yaml(deploy("compose.yaml"));
    final Map<String, Object> services = mapAt(compose, "services");

    @Test
    void runsTheSixAppsAndTheirInfrastructure() {
        assertThat(services).containsKeys(APPS.toArray(String[]::new)).containsKeys(INFRA.toArray(String[]::new));
        assertThat((String) at(services, "mysql", "image")).startsWith("mysql:8.4");
        assertThat((String) at(services, "redis", "image")).startsWith("redis:7");
        assertThat((String) at(services, "kafka", "image")).startsWith("apache/kafka:4");
        assertThat(mapAt(services, "kafka", "environment")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    }

    @Test
    void buildsEachAppFromTheDockerfileAndListensOnItsServerPort() {
        appPorts().forEach((app, port) -> {
            var build = mapAt(services, app, "build");
            assertThat(build).as(app).containsEntry("context", "..").containsEntry("dockerfile", "deploy/Dockerfile");
            assertThat(mapAt(build, "args"))
                    .as(app)
                    .containsEntry("MODULE", app)
                    .containsEntry("PORT", String.valueOf(port));
            var published = new ArrayList<String>();
            listAt(services, app, "expose").forEach(p -> published.add(String.valueOf(p)));
            listAt(services, app, "ports").forEach(p -> published.add(containerPort(String.valueOf(p))));
            assertThat(published).as(app + " ports").containsOnly(String.valueOf(port));
        });
    }

    @Test
    void appsCheckReadinessAndWaitForHealthyDependencies() {
        for (var app : APPS) {
            assertThat(String.valueOf(at(services, app, "healthcheck", "test")))
                    .as(app)
                    .contains("/actuator/health/readiness");
            var dependsOn = mapAt(services, app, "depends_on");
            assertThat(dependsOn).as(app + " depends_on").isNotEmpty();
            dependsOn.forEach((dependency, condition) -> {
                assertThat(services).as(app + " depends on").containsKey(dependency);
                assertThat(mapAt(condition))
                        .as(app + " -> " + dependency)
                        .containsEntry("condition", "service_healthy");
                assertThat(mapAt(services, dependency, "healthcheck"))
                        .as(dependency + " healthcheck")
                        .isNotEmpty();
            });
        }
        assertThat(mapAt(services, "gateway", "depends_on"))
                .containsKeys(APPS.stream().filter(a -> !a.equals("gateway")).toArray(String[]::new));
    }

    @Test
    void everyVariableGivenToAnAppNamesAPropertyItReads() {
        for (var app : APPS) {
            var properties = AppProperties.of(app);
            var environment = mapAt(services, app, "environment");
            assertThat(environment).as(app).isNotEmpty();
            assertThat(properties.unread(environment.keySet()))
                    .as("%s: variables that name no property it reads", app)
                    .isEmpty();
        }
    }

    @Test
    void servicesFindTheirInfrastructureByComposeName() {
        for (var app : APPS.subList(1, APPS.size())) {
            var env = mapAt(services, app, "environment");
            assertThat(env)
                    .as(app)
                    .containsEntry("UNIMEMBER_DB_HOST", "mysql")
                    .containsEntry("UNIMEMBER_REDIS_HOST", "redis")
                    .containsEntry("UNIMEMBER_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("UNIMEMBER_SECURITY_JWKS_URI", "http://member-service:8081/oauth2/jwks")
                    .containsEntry("SPRING_PROFILES_ACTIVE", "demo");
            assertThat(env.get("UNIMEMBER_DB_USER")).isEqualTo(at(services, "mysql", "environment", "MYSQL_USER"));
        }
        var gateway = mapAt(services, "gateway", "environment");
        for (var app : APPS.subList(1, APPS.size())) {
            assertThat(gateway.values())
                    .as("gateway routes to " + app)
                    .contains("http://%s:%d".formatted(app, DeployFiles.serverPort(app)));
        }
    }

    @Test
    void mysqlCreatesEverySchemaTheServicesUseAndGrantsThemToTheAppUser() {
        var init = read(deploy("mysql/init.sql"));
        assertThat(listAt(services, "mysql", "volumes"))
                .contains("./mysql/init.sql:/docker-entrypoint-initdb.d/01-unimember.sql:ro");
        var user = at(services, "mysql", "environment", "MYSQL_USER");
        for (var app : APPS.subList(1, APPS.size())) {
            var schema = at(
                    yaml(DeployFiles.ROOT.resolve(app).resolve("src/main/resources/application.yml")),
                    "unimember",
                    "db",
                    "name");
            assertThat(init)
                    .as(app)
                    .contains("CREATE DATABASE IF NOT EXISTS `" + schema + "`")
                    .contains("ON `%s`.* TO '%s'@'%%'".formatted(schema, user));
        }
    }

    @Test
    void mountsTheMonitoringConfigWhereTheToolsLookForIt() {
        assertThat(listAt(services, "prometheus", "volumes")).contains("./prometheus:/etc/prometheus:ro");
        assertThat(listAt(services, "grafana", "volumes"))
                .contains(
                        "./grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./grafana/dashboards:/etc/grafana/dashboards:ro");
    }

    @Test
    void dockerComposeAcceptsTheFileWhenItsClientIsInstalled() throws Exception {
        Tools.assumeRuns("docker", "compose", "version");
        var result = Tools.run("docker", "compose", "-f", deploy("compose.yaml").toString(), "config", "-q");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static String containerPort(String mapping) {
        return mapping.substring(mapping.lastIndexOf(':') + 1).replace("/tcp", "");
    }
}
