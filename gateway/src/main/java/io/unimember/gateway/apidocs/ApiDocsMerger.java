package io.unimember.gateway.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into one. Paths never overlap (each service owns its prefixes); a
 * component two services name alike but define differently is renamed {@code <Service><Name>} in the later one, its
 * references with it; an operation id taken by an earlier service gets the service's name in front. Pure, so a unit
 * test pins it; {@link MergedApiDocs} fetches and serves.
 */
final class ApiDocsMerger {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApiDocsMerger() {}

    /** Service name → its document, in the order they are merged (the first one's info and servers are kept). */
    static ObjectNode merge(Map<String, JsonNode> documents, String title) {
        ObjectNode merged = NODES.objectNode();
        ObjectNode paths = NODES.objectNode();
        ObjectNode components = NODES.objectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        Set<String> operationIds = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonNode document = entry.getValue().deepCopy();
            if (!merged.has("openapi")) {
                merged.put("openapi", document.path("openapi").asString("3.1.0"));
                ObjectNode info = document.path("info").isObject()
                        ? ((ObjectNode) document.path("info")).deepCopy()
                        : NODES.objectNode();
                info.put("title", title);
                info.put(
                        "description",
                        "Every Unimember service's API in one document; all of it is reached"
                                + " through the gateway. Errors are application/problem+json (the Problem schema).");
                merged.set("info", info);
                if (document.has("servers")) {
                    merged.set("servers", document.get("servers"));
                }
            }
            renameClashes(service, document, components);
            document.path("components").properties().forEach(section -> {
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().properties().forEach(c -> target.set(c.getKey(), c.getValue()));
            });
            document.path("paths").properties().forEach(path -> {
                uniqueOperationIds(service, path.getValue(), operationIds);
                paths.set(path.getKey(), path.getValue());
            });
            document.path("tags")
                    .forEach(tag -> tags.putIfAbsent(tag.path("name").asString(), tag));
        }
        if (!tags.isEmpty()) {
            ArrayNode list = merged.putArray("tags");
            tags.values().forEach(list::add);
        }
        merged.set("paths", paths);
        merged.set("components", components);
        return merged;
    }

    /** A component already merged under the same name with other content is renamed in this document. */
    private static void renameClashes(String service, JsonNode document, ObjectNode merged) {
        Map<String, String> renames = new LinkedHashMap<>();
        document.path("components").properties().forEach(section -> {
            JsonNode existing = merged.path(section.getKey());
            ObjectNode own = (ObjectNode) section.getValue();
            for (String name : own.properties().stream().map(Map.Entry::getKey).toList()) {
                if (existing.has(name) && !existing.get(name).equals(own.get(name))) {
                    String renamed = capitalized(service) + name;
                    own.set(renamed, own.remove(name));
                    renames.put(
                            "#/components/" + section.getKey() + "/" + name,
                            "#/components/" + section.getKey() + "/" + renamed);
                }
            }
        });
        if (!renames.isEmpty()) {
            rewriteRefs(document, renames);
        }
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renames.containsKey(ref.asString())) {
                object.put("$ref", renames.get(ref.asString()));
            }
            object.forEach(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static void uniqueOperationIds(String service, JsonNode pathItem, Set<String> taken) {
        for (String method : METHODS) {
            if (pathItem.path(method) instanceof ObjectNode operation && operation.has("operationId")) {
                String id = operation.get("operationId").asString();
                if (!taken.add(id)) {
                    String renamed = service + capitalized(id);
                    operation.put("operationId", renamed);
                    taken.add(renamed);
                }
            }
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
