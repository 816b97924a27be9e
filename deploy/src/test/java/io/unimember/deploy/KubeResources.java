package io.unimember.deploy;

import static io.unimember.deploy.DeployFiles.asMap;
import static io.unimember.deploy.DeployFiles.at;
import static io.unimember.deploy.DeployFiles.yamlDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kubernetes resources of a kustomize directory (its own files, not rendered), by kind. */
final class KubeResources {

    private KubeResources() {}

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
