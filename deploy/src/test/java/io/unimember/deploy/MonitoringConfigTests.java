package io.unimember.deploy;

import static io.unimember.deploy.DeployFiles.APPS;
import static io.unimember.deploy.DeployFiles.appPorts;
import static io.unimember.deploy.DeployFiles.asMap;
import static io.unimember.deploy.DeployFiles.at;
import static io.unimember.deploy.DeployFiles.deploy;
import static io.unimember.deploy.DeployFiles.listAt;
import static io.unimember.deploy.DeployFiles.mapAt;
import static io.unimember.deploy.DeployFiles.read;
import static io.unimember.deploy.DeployFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prometheus scrape targets and alert rules, the Grafana dashboard, and the metric list in deploy/README.md. */
class MonitoringConfigTests {

    final Map<String, Object> prometheus = yaml(deploy("prometheus/prometheus.yml"));
    final Map<String, Object> alerts = yaml(deploy("prometheus/alerts.yml"));
    final JsonNode dashboard = JsonMapper.builder().build().readTree(read(deploy("grafana/dashboards/unimember.json")));

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
                assertThat((String) at(rule, "annotations", "summary")).as(name).isNotBlank();
            }
        }
        var expressions = String.join("\n", PromQl.alertExpressions(alerts));
        assertThat(expressions)
                .contains(
                        "unimember_consumer_lag",
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
                "promtool", "check", "rules", deploy("prometheus/alerts.yml").toString());
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
        var datasource = asMap(listAt(yaml(deploy("grafana/provisioning/datasources/prometheus.yml")), "datasources")
                .getFirst());
        var ids = new TreeSet<Integer>();
        var titles = new ArrayList<String>();
        for (var panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("unique panel id").isTrue();
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
                    .forEach(
                            t -> assertThat(t.path("expr").asString()).as(title).isNotBlank());
        }
        assertThat(titles).hasSizeGreaterThanOrEqualTo(14);
        assertThat(String.join("\n", PromQl.dashboardExpressions(dashboard)))
                .contains(
                        "unimember_orders_total",
                        "unimember_points_earned_total",
                        "unimember_points_spent_total",
                        "unimember_coupon_claims_total",
                        "unimember_outbox_backlog",
                        "unimember_dlt_records_total",
                        "unimember_consumer_lag",
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
        var datasource = asMap(listAt(yaml(deploy("grafana/provisioning/datasources/prometheus.yml")), "datasources")
                .getFirst());
        assertThat(datasource).containsEntry("url", "http://prometheus:9090").containsEntry("type", "prometheus");
    }

    @Test
    void theReadmeListsEveryMetricTheDashboardAndAlertsExpect() {
        var readme = read(deploy("README.md"));
        var metrics = new TreeSet<String>();
        PromQl.alertExpressions(alerts).forEach(e -> metrics.addAll(PromQl.names(e)));
        PromQl.dashboardExpressions(dashboard).forEach(e -> metrics.addAll(PromQl.names(e)));
        assertThat(metrics).contains("unimember_orders_total", "up");
        assertThat(metrics).as("deploy/README.md lists").allMatch(m -> readme.contains("`" + m + "`"));
    }
}
