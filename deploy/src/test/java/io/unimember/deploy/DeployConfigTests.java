package io.unimember.deploy;

import static io.unimember.deploy.DeployFiles.APPS;
import static io.unimember.deploy.DeployFiles.INFRA;
import static io.unimember.deploy.DeployFiles.appPorts;
import static io.unimember.deploy.DeployFiles.asMap;
import static io.unimember.deploy.DeployFiles.at;
import static io.unimember.deploy.DeployFiles.deploy;
import static io.unimember.deploy.DeployFiles.listAt;
import static io.unimember.deploy.DeployFiles.mapAt;
import static io.unimember.deploy.DeployFiles.read;
import static io.unimember.deploy.DeployFiles.yaml;
import static io.unimember.deploy.DeployFiles.yamlDocuments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps deploy/ true to the code: what compose, Kubernetes, Prometheus and Grafana refer to (services, ports,
 * properties, metrics) must exist. Runs without Docker or a cluster; uses their clients when they are installed.
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

    @Nested
    class Compose {

        final Map<String, Object> compose = yaml(deploy("compose.yaml"));
        final Map<String, Object> services = mapAt(compose, "services");

        @Test
        void runsTheSixAppsAndTheirInfrastructure() {
            assertThat(services).containsKeys(APPS.toArray(String[]::new)).containsKeys(INFRA.toArray(String[]::new));
            assertThat((String) at(services, "mysql", "image")).startsWith("mysql:8.4");
            assertThat((String) at(services, "redis", "image")).startsWith("redis:7");
            assertThat((String) at(services, "kafka", "image")).startsWith("apache/kafka:4");
            assertThat(mapAt(services, "kafka", "environment"))
                    .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        }

        @Test
        void buildsEachAppFromTheDockerfileAndListensOnItsServerPort() {
            appPorts().forEach((app, port) -> {
                var build = mapAt(services, app, "build");
                assertThat(build)
                        .as(app)
                        .containsEntry("context", "..")
                        .containsEntry("dockerfile", "deploy/Dockerfile");
                assertThat(mapAt(build, "args"))
                        .as(app)
                        .containsEntry("MODULE", app)
                        .containsEntry("PORT", String.valueOf(port));
                var published = new ArrayList<String>();
                listAt(services, app, "expose").forEach(p -> published.add(String.valueOf(p)));
                listAt(services, app, "ports").forEach(p -> published.add(containerPort(String.valueOf(p))));
                assertThat(published).as(app + " ports").isNotEmpty().containsOnly(String.valueOf(port));
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
                    .containsKeys(
                            APPS.stream().filter(a -> !a.equals("gateway")).toArray(String[]::new));
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
            var result =
                    Tools.run("docker", "compose", "-f", deploy("compose.yaml").toString(), "config", "-q");
            assertThat(result.exitCode()).as(result.output()).isZero();
        }

        private static String containerPort(String mapping) {
            return mapping.substring(mapping.lastIndexOf(':') + 1).replace("/tcp", "");
        }
    }

    @Nested
    class Dockerfile {

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

    @Nested
    class Kubernetes {

        final Map<String, List<Map<String, Object>>> base = Kube.resourcesByKind(deploy("k8s/base"));

        @Test
        void eachAppHasProbesResourcesAServiceADisruptionBudgetAndAnAutoscaler() {
            appPorts().forEach((app, port) -> {
                var deployment = Kube.named(base, "Deployment", app);
                var container = asMap(listAt(deployment, "spec", "template", "spec", "containers")
                        .getFirst());
                assertThat(at(container, "livenessProbe", "httpGet", "path"))
                        .as(app)
                        .isEqualTo("/actuator/health/liveness");
                assertThat(at(container, "readinessProbe", "httpGet", "path"))
                        .as(app)
                        .isEqualTo("/actuator/health/readiness");
                assertThat(mapAt(container, "resources", "requests")).as(app).containsKeys("cpu", "memory");
                assertThat(mapAt(container, "resources", "limits")).as(app).containsKeys("cpu", "memory");
                assertThat(at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"))
                        .isEqualTo(true);

                var labels = mapAt(deployment, "spec", "template", "metadata", "labels");
                var service = Kube.named(base, "Service", app);
                assertThat(labels)
                        .as(app + " pods match their Service")
                        .containsAllEntriesOf(Kube.stringMap(mapAt(service, "spec", "selector")));
                var pdb = Kube.named(base, "PodDisruptionBudget", app);
                assertThat(labels)
                        .as(app + " PDB")
                        .containsAllEntriesOf(Kube.stringMap(mapAt(pdb, "spec", "selector", "matchLabels")));
                var hpa = Kube.named(base, "HorizontalPodAutoscaler", app);
                assertThat(mapAt(hpa, "spec", "scaleTargetRef"))
                        .containsEntry("kind", "Deployment")
                        .containsEntry("name", app);
                assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
            });
        }

        @Test
        void containersServicesAndScrapeAnnotationsUseTheServerPort() {
            appPorts().forEach((app, port) -> {
                var deployment = Kube.named(base, "Deployment", app);
                var container = asMap(listAt(deployment, "spec", "template", "spec", "containers")
                        .getFirst());
                var containerPort = asMap(listAt(container, "ports").getFirst());
                assertThat(containerPort)
                        .as(app)
                        .containsEntry("containerPort", port)
                        .containsEntry("name", "http");
                assertThat(mapAt(deployment, "spec", "template", "metadata", "annotations"))
                        .containsEntry("prometheus.io/port", String.valueOf(port))
                        .containsEntry("prometheus.io/path", "/actuator/prometheus");
                var servicePort = asMap(listAt(Kube.named(base, "Service", app), "spec", "ports")
                        .getFirst());
                assertThat(servicePort).as(app).containsEntry("port", port).containsEntry("targetPort", "http");
            });
        }

        @Test
        void everyVariableGivenToAnAppNamesAPropertyItReads() {
            var production = Kube.resourcesByKind(deploy("k8s/overlays/production"));
            for (var app : APPS) {
                var properties = AppProperties.of(app);
                var variables = new TreeSet<String>();
                var container =
                        asMap(listAt(Kube.named(base, "Deployment", app), "spec", "template", "spec", "containers")
                                .getFirst());
                listAt(container, "env").forEach(e -> variables.add((String) at(e, "name")));
                for (var source : listAt(container, "envFrom")) {
                    var configMap = (String) at(source, "configMapRef", "name");
                    var secret = (String) at(source, "secretRef", "name");
                    var kind = configMap != null ? "ConfigMap" : "Secret";
                    var name = configMap != null ? configMap : secret;
                    var resource = Kube.named(base, kind, name);
                    variables.addAll(mapAt(resource, configMap != null ? "data" : "stringData")
                            .keySet());
                    Kube.all(production, kind, name)
                            .forEach(patch ->
                                    variables.addAll(mapAt(patch, "data").keySet()));
                }
                assertThat(variables).as(app).isNotEmpty();
                assertThat(properties.unread(variables))
                        .as("%s: variables that name no property it reads", app)
                        .isEmpty();
            }
        }

        @Test
        void kustomizationsListEveryFileInTheirDirectory() {
            for (var dir : List.of("k8s/base", "k8s/overlays/production")) {
                var kustomization = yaml(deploy(dir + "/kustomization.yaml"));
                var listed = new TreeSet<String>();
                listAt(kustomization, "resources").stream()
                        .map(String::valueOf)
                        .filter(r -> !r.startsWith("../"))
                        .forEach(listed::add);
                listAt(kustomization, "patches").forEach(p -> listed.add((String) at(p, "path")));
                var files = new TreeSet<>(DeployFiles.fileNames(deploy(dir)));
                files.remove("kustomization.yaml");
                assertThat(listed).as(dir).isEqualTo(files);
            }
        }

        @Test
        void productionRunsMoreReplicasOfReleasedImagesAgainstManagedServices() {
            var production = Kube.resourcesByKind(deploy("k8s/overlays/production"));
            for (var app : APPS) {
                var baseReplicas = (Integer) at(Kube.named(base, "Deployment", app), "spec", "replicas");
                assertThat((Integer) at(Kube.named(production, "Deployment", app), "spec", "replicas"))
                        .as(app)
                        .isGreaterThanOrEqualTo(baseReplicas);
                assertThat((Integer) at(Kube.named(production, "HorizontalPodAutoscaler", app), "spec", "maxReplicas"))
                        .as(app)
                        .isGreaterThan(
                                (Integer) at(Kube.named(base, "HorizontalPodAutoscaler", app), "spec", "maxReplicas"));
            }
            var images = listAt(yaml(deploy("k8s/overlays/production/kustomization.yaml")), "images");
            assertThat(images.stream().map(i -> (String) at(i, "name")))
                    .containsExactlyInAnyOrderElementsOf(
                            APPS.stream().map(a -> "unimember/" + a).toList());
            assertThat(images)
                    .allSatisfy(i -> assertThat(String.valueOf(at(i, "newTag"))).doesNotContain("SNAPSHOT"));
        }

        @Test
        void kustomizeRendersBaseAndProductionWhenKubectlIsInstalled() throws Exception {
            Tools.assumeRuns("kubectl", "version", "--client");
            var counts = new HashMap<String, Map<String, Integer>>();
            for (var dir : List.of("k8s/base", "k8s/overlays/production")) {
                var result = Tools.run("kubectl", "kustomize", deploy(dir).toString());
                assertThat(result.exitCode()).as(result.output()).isZero();
                var kinds = new LinkedHashMap<String, Integer>();
                new org.yaml.snakeyaml.Yaml()
                        .loadAll(result.output())
                        .forEach(doc -> kinds.merge((String) at(doc, "kind"), 1, Integer::sum));
                counts.put(dir, kinds);
            }
            for (var kind : List.of("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler")) {
                assertThat(counts.get("k8s/base")).containsEntry(kind, APPS.size());
                assertThat(counts.get("k8s/overlays/production")).containsEntry(kind, APPS.size());
            }
            assertThat(counts.get("k8s/overlays/production"))
                    .as("credentials come from the secret manager")
                    .doesNotContainKey("Secret");
        }
    }

    @Nested
    class Monitoring {

        final Map<String, Object> prometheus = yaml(deploy("prometheus/prometheus.yml"));
        final Map<String, Object> alerts = yaml(deploy("prometheus/alerts.yml"));
        final JsonNode dashboard =
                JsonMapper.builder().build().readTree(read(deploy("grafana/dashboards/unimember.json")));

        @Test
        void prometheusScrapesEveryAppAtItsComposeServiceAndPort() {
            var services = mapAt(yaml(deploy("compose.yaml")), "services");
            var ports = appPorts();
            var scraped = new TreeSet<String>();
            for (var job : listAt(prometheus, "scrape_configs")) {
                for (var config : listAt(job, "static_configs")) {
                    for (var target : listAt(config, "targets")) {
                        var host = String.valueOf(target).split(":")[0];
                        var port = Integer.parseInt(String.valueOf(target).split(":")[1]);
                        assertThat(services).as("target " + target).containsKey(host);
                        if (ports.containsKey(host)) {
                            assertThat(port).as(host).isEqualTo(ports.get(host));
                            assertThat(at(job, "metrics_path")).isEqualTo("/actuator/prometheus");
                            assertThat(mapAt(config, "labels")).containsEntry("application", host);
                            scraped.add(host);
                        } else {
                            assertThat(listAt(services, host, "ports").stream().map(String::valueOf))
                                    .as(host)
                                    .anyMatch(p -> p.endsWith(":" + port));
                        }
                    }
                }
            }
            assertThat(scraped).containsExactlyInAnyOrderElementsOf(APPS);
            assertThat(listAt(prometheus, "rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        }

        @Test
        void everyAlertHasAnExpressionADurationASeverityAndASummary() {
            var names = new TreeSet<String>();
            for (var group : listAt(alerts, "groups")) {
                for (var rule : listAt(group, "rules")) {
                    var name = (String) at(rule, "alert");
                    assertThat(name).isNotBlank();
                    assertThat(names.add(name)).as("unique " + name).isTrue();
                    assertThat((String) at(rule, "expr")).as(name).isNotBlank();
                    assertThat(String.valueOf(at(rule, "for"))).as(name).matches("\\d+[smh]");
                    assertThat(at(rule, "labels", "severity")).as(name).isIn("warning", "critical");
                    assertThat((String) at(rule, "annotations", "summary"))
                            .as(name)
                            .isNotBlank();
                }
            }
            var expressions = String.join("\n", Metrics.alertExpressions(alerts));
            assertThat(expressions)
                    .contains(
                            "kafka_consumer_fetch_manager_records_lag_max",
                            "unimember_outbox_backlog",
                            "unimember_dlt_records_total",
                            "http_server_requests_seconds_count{status=~\"5..\"}",
                            "unimember_entitlement_lookup_seconds_bucket",
                            "unimember_gateway_proxy_seconds_bucket",
                            "up{job=\"unimember\"} == 0")
                    .contains("histogram_quantile(0.99");
        }

        @Test
        void promtoolAcceptsTheRulesWhenItIsInstalled() throws Exception {
            Tools.assumeRuns("promtool", "--version");
            var result = Tools.run(
                    "promtool",
                    "check",
                    "rules",
                    deploy("prometheus/alerts.yml").toString());
            assertThat(result.exitCode()).as(result.output()).isZero();
        }

        @Test
        void everyAlertIsExplainedInTheRunbook() {
            var runbook = read(DeployFiles.ROOT.resolve("docs/operations.md"));
            for (var group : listAt(alerts, "groups")) {
                for (var rule : listAt(group, "rules")) {
                    assertThat(runbook).as("docs/operations.md explains").contains((String) at(rule, "alert"));
                }
            }
        }

        @Test
        void everyDashboardPanelQueriesTheProvisionedDatasource() {
            var datasource =
                    asMap(listAt(yaml(deploy("grafana/provisioning/datasources/prometheus.yml")), "datasources")
                            .getFirst());
            var ids = new TreeSet<Integer>();
            var titles = new ArrayList<String>();
            for (var panel : dashboard.get("panels")) {
                assertThat(ids.add(panel.get("id").asInt()))
                        .as("unique panel id")
                        .isTrue();
                if (panel.get("type").asString().equals("row")) {
                    continue;
                }
                var title = panel.get("title").asString();
                titles.add(title);
                assertThat(panel.path("datasource").path("uid").asString())
                        .as(title)
                        .isEqualTo(datasource.get("uid"));
                assertThat(panel.get("targets")).as(title).isNotEmpty();
                panel.get("targets")
                        .forEach(t ->
                                assertThat(t.path("expr").asString()).as(title).isNotBlank());
            }
            assertThat(titles).hasSizeGreaterThanOrEqualTo(14);
            assertThat(String.join("\n", Metrics.dashboardExpressions(dashboard)))
                    .contains(
                            "unimember_orders_total",
                            "unimember_points_earned_total",
                            "unimember_points_spent_total",
                            "unimember_coupon_claims_total",
                            "unimember_outbox_backlog",
                            "unimember_dlt_records_total",
                            "kafka_consumer_fetch_manager_records_lag_max",
                            "jvm_memory_used_bytes",
                            "hikaricp_connections",
                            "unimember_entitlement_lookup_seconds_bucket",
                            "http_server_requests_seconds_count");
        }

        @Test
        void grafanaLoadsTheDashboardsFromWhereComposeMountsThem() {
            var provider = asMap(listAt(yaml(deploy("grafana/provisioning/dashboards/unimember.yml")), "providers")
                    .getFirst());
            assertThat(at(provider, "options", "path")).isEqualTo("/etc/grafana/dashboards");
            var datasource =
                    asMap(listAt(yaml(deploy("grafana/provisioning/datasources/prometheus.yml")), "datasources")
                            .getFirst());
            assertThat(datasource)
                    .containsEntry("url", "http://prometheus:9090")
                    .containsEntry("type", "prometheus");
        }

        @Test
        void theReadmeListsEveryMetricTheDashboardAndAlertsExpect() {
            var readme = read(deploy("README.md"));
            var metrics = new TreeSet<String>();
            Metrics.alertExpressions(alerts).forEach(e -> metrics.addAll(Metrics.names(e)));
            Metrics.dashboardExpressions(dashboard).forEach(e -> metrics.addAll(Metrics.names(e)));
            assertThat(metrics).contains("unimember_orders_total", "up");
            assertThat(metrics).as("deploy/README.md lists").allMatch(m -> readme.contains("`" + m + "`"));
        }
    }

    /** Kubernetes resources of a kustomize directory (its own files, not rendered), by kind. */
    static final class Kube {

        static Map<String, List<Map<String, Object>>> resourcesByKind(java.nio.file.Path dir) {
            var byKind = new HashMap<String, List<Map<String, Object>>>();
            for (var name : DeployFiles.fileNames(dir)) {
                if (name.endsWith(".yaml") && !name.equals("kustomization.yaml")) {
                    for (var doc : yamlDocuments(dir.resolve(name))) {
                        var resource = asMap(doc);
                        byKind.computeIfAbsent((String) resource.get("kind"), k -> new ArrayList<>())
                                .add(resource);
                    }
                }
            }
            return byKind;
        }

        static List<Map<String, Object>> all(Map<String, List<Map<String, Object>>> byKind, String kind, String name) {
            return byKind.getOrDefault(kind, List.of()).stream()
                    .filter(r -> name.equals(at(r, "metadata", "name")))
                    .toList();
        }

        static Map<String, Object> named(Map<String, List<Map<String, Object>>> byKind, String kind, String name) {
            var found = all(byKind, kind, name);
            assertThat(found).as(kind + " " + name).hasSize(1);
            return found.getFirst();
        }

        static Map<String, Object> stringMap(Map<String, Object> map) {
            return new LinkedHashMap<>(map);
        }
    }

    /** PromQL expressions and the metric names in them. */
    static final class Metrics {

        private static final Pattern NAME =
                Pattern.compile("(?<![\\w$])([a-z][a-z0-9]*(?:_[a-z0-9]+)+|up)(?=\\s*[{\\[)])");
        private static final Set<String> FUNCTIONS = Set.of("histogram_quantile", "label_values", "max_over_time");

        static List<String> alertExpressions(Map<String, Object> alerts) {
            var expressions = new ArrayList<String>();
            for (var group : listAt(alerts, "groups")) {
                for (var rule : listAt(group, "rules")) {
                    expressions.add((String) at(rule, "expr"));
                }
            }
            return expressions;
        }

        static List<String> dashboardExpressions(JsonNode dashboard) {
            var expressions = new ArrayList<String>();
            dashboard.get("panels").forEach(p -> p.path("targets")
                    .forEach(t -> expressions.add(t.path("expr").asString())));
            return expressions;
        }

        /** Metric names, with the histogram/summary suffixes a Timer adds folded into the base name. */
        static Set<String> names(String expression) {
            var names = new TreeSet<String>();
            NAME.matcher(expression)
                    .results()
                    .map(m -> m.group(1))
                    .filter(n -> !FUNCTIONS.contains(n))
                    .map(n -> n.replaceAll("_(bucket|count|sum)$", ""))
                    .forEach(names::add);
            return names;
        }
    }
}
