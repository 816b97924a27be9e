package io.unimember.deploy;

import static io.unimember.deploy.DeployFiles.APPS;
import static io.unimember.deploy.DeployFiles.appPorts;
import static io.unimember.deploy.DeployFiles.asMap;
import static io.unimember.deploy.DeployFiles.at;
import static io.unimember.deploy.DeployFiles.deploy;
import static io.unimember.deploy.DeployFiles.listAt;
import static io.unimember.deploy.DeployFiles.mapAt;
import static io.unimember.deploy.DeployFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/k8s: probes, resources, Services, PDBs, HPAs, ports and environment per app; both kustomizations complete. */
class KubernetesManifestTests {

    final Map<String, List<Map<String, Object>>> base = KubeResources.resourcesByKind(deploy("k8s/base"));

    @Test
    void eachAppHasProbesResourcesAServiceADisruptionBudgetAndAnAutoscaler() {
        appPorts().forEach((app, port) -> {
            var deployment = KubeResources.named(base, "Deployment", app);
            var container = asMap(
                    listAt(deployment, "spec", "template", "spec", "containers").getFirst());
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
            var service = KubeResources.named(base, "Service", app);
            assertThat(labels)
                    .as(app + " pods match their Service")
                    .containsAllEntriesOf(KubeResources.stringMap(mapAt(service, "spec", "selector")));
            var pdb = KubeResources.named(base, "PodDisruptionBudget", app);
            assertThat(labels)
                    .as(app + " PDB")
                    .containsAllEntriesOf(KubeResources.stringMap(mapAt(pdb, "spec", "selector", "matchLabels")));
            var hpa = KubeResources.named(base, "HorizontalPodAutoscaler", app);
            assertThat(mapAt(hpa, "spec", "scaleTargetRef"))
                    .containsEntry("kind", "Deployment")
                    .containsEntry("name", app);
            assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void containersServicesAndScrapeAnnotationsUseTheServerPort() {
        appPorts().forEach((app, port) -> {
            var deployment = KubeResources.named(base, "Deployment", app);
            var container = asMap(
                    listAt(deployment, "spec", "template", "spec", "containers").getFirst());
            var containerPort = asMap(listAt(container, "ports").getFirst());
            assertThat(containerPort)
                    .as(app)
                    .containsEntry("containerPort", port)
                    .containsEntry("name", "http");
            assertThat(mapAt(deployment, "spec", "template", "metadata", "annotations"))
                    .containsEntry("prometheus.io/port", String.valueOf(port))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
            var servicePort = asMap(listAt(KubeResources.named(base, "Service", app), "spec", "ports")
                    .getFirst());
            assertThat(servicePort).as(app).containsEntry("port", port).containsEntry("targetPort", "http");
        });
    }

    @Test
    void everyVariableGivenToAnAppNamesAPropertyItReads() {
        var production = KubeResources.resourcesByKind(deploy("k8s/overlays/production"));
        for (var app : APPS) {
            var properties = AppProperties.of(app);
            var variables = new TreeSet<String>();
            var container =
                    asMap(listAt(KubeResources.named(base, "Deployment", app), "spec", "template", "spec", "containers")
                            .getFirst());
            listAt(container, "env").forEach(e -> variables.add((String) at(e, "name")));
            for (var source : listAt(container, "envFrom")) {
                var configMap = (String) at(source, "configMapRef", "name");
                var secret = (String) at(source, "secretRef", "name");
                var kind = configMap != null ? "ConfigMap" : "Secret";
                var name = configMap != null ? configMap : secret;
                var resource = KubeResources.named(base, kind, name);
                variables.addAll(mapAt(resource, configMap != null ? "data" : "stringData")
                        .keySet());
                KubeResources.all(production, kind, name)
                        .forEach(patch -> variables.addAll(mapAt(patch, "data").keySet()));
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
        var production = KubeResources.resourcesByKind(deploy("k8s/overlays/production"));
        for (var app : APPS) {
            var baseReplicas = (Integer) at(KubeResources.named(base, "Deployment", app), "spec", "replicas");
            assertThat((Integer) at(KubeResources.named(production, "Deployment", app), "spec", "replicas"))
                    .as(app)
                    .isGreaterThanOrEqualTo(baseReplicas);
            assertThat((Integer)
                            at(KubeResources.named(production, "HorizontalPodAutoscaler", app), "spec", "maxReplicas"))
                    .as(app)
                    .isGreaterThan((Integer)
                            at(KubeResources.named(base, "HorizontalPodAutoscaler", app), "spec", "maxReplicas"));
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
