package io.unimember.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Just enough JSON Schema for the contract fuzz: an example value made from a schema (or one of the wrong types),
 * and whether a body has the schema's shape (required properties, types, nullability), references resolved.
 */
final class SchemaShape {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DEPTH = 6;

    private final JsonNode spec;

    SchemaShape(JsonNode spec) {
        this.spec = spec;
    }

    JsonNode example(JsonNode schema, boolean wrongTypes) {
        return example(resolve(schema), wrongTypes, 0);
    }

    private JsonNode example(JsonNode schema, boolean wrongTypes, int depth) {
        String type = type(resolve(schema));
        JsonNode resolved = resolve(schema);
        if (depth > DEPTH) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (var property : resolved.path("properties").properties()) {
                    object.set(property.getKey(), example(property.getValue(), wrongTypes, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(resolved.path("items"), wrongTypes, depth + 1));
                return array;
            }
            case "integer", "number" -> {
                return wrongTypes
                        ? NODES.stringNode("12")
                        : NODES.numberNode(resolved.path("minimum").asLong(1));
            }
            case "boolean" -> {
                return wrongTypes ? NODES.numberNode(1) : NODES.booleanNode(false);
            }
            default -> {
                return wrongTypes ? NODES.numberNode(12345) : NODES.stringNode(scalar(resolved));
            }
        }
    }

    /** A plausible string for a parameter or property: an enum's first value, a date, else an id-like word. */
    static String scalar(JsonNode schema) {
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).asString();
        }
        String type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            return String.valueOf(schema.path("minimum").asLong(1));
        }
        if (type.equals("boolean")) {
            return "false";
        }
        return switch (schema.path("format").asString()) {
            case "date-time" -> Instant.now().toString();
            case "date" -> "2000-01-01";
            default -> "fuzz-" + Long.toString(System.nanoTime(), 36);
        };
    }

    List<String> violations(JsonNode schema, JsonNode value, String at) {
        List<String> violations = new ArrayList<>();
        check(schema, value, at, violations, 0);
        return violations;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> violations, int depth) {
        JsonNode resolved = resolve(schema);
        if (depth > DEPTH || resolved.isMissingNode() || resolved.isEmpty()) {
            return;
        }
        if (resolved.has("anyOf") || resolved.has("oneOf")) {
            JsonNode options = resolved.has("anyOf") ? resolved.path("anyOf") : resolved.path("oneOf");
            for (JsonNode option : options) {
                if (violations(option, value, at).isEmpty()) {
                    return;
                }
            }
            violations.add(at + " matches none of its alternatives");
            return;
        }
        if (value.isNull()) {
            if (!types(resolved).contains("null")) {
                violations.add(at + " is null but not nullable");
            }
            return;
        }
        String type = type(resolved);
        boolean matches =
                switch (type) {
                    case "object" -> value.isObject();
                    case "array" -> value.isArray();
                    case "integer" -> value.isIntegralNumber();
                    case "number" -> value.isNumber();
                    case "boolean" -> value.isBoolean();
                    case "string" -> value.isString();
                    default -> true;
                };
        if (!matches) {
            violations.add(at + " is not " + type + ": " + value);
            return;
        }
        if (value.isObject()) {
            for (JsonNode required : resolved.path("required")) {
                if (!value.has(required.asString())) {
                    violations.add(at + "." + required.asString() + " is required but missing");
                }
            }
            for (var property : resolved.path("properties").properties()) {
                if (value.has(property.getKey())) {
                    check(
                            property.getValue(),
                            value.get(property.getKey()),
                            at + "." + property.getKey(),
                            violations,
                            depth + 1);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < Math.min(value.size(), 5); i++) {
                check(resolved.path("items"), value.get(i), at + "[" + i + "]", violations, depth + 1);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = ref.startsWith("#") ? spec.at(ref.substring(1)) : current;
        }
        return current;
    }

    /** The schema's type without "null" ("object" for one with properties only). */
    private static String type(JsonNode schema) {
        for (String type : types(schema)) {
            if (!type.equals("null")) {
                return type;
            }
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static List<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type.isString()) {
            types.add(type.asString());
        }
        return types;
    }
}
