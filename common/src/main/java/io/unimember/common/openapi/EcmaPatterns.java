package io.unimember.common.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bean Validation patterns are Java regular expressions matched against the whole value; OpenAPI patterns are
 * ECMA-262 and match anywhere. Each pattern is anchored and its Java-only classes spelled out, so a generated client
 * or a validator checks exactly what the service checks (openapi-spec-validator rejected {@code \p{Cntrl}}).
 */
final class EcmaPatterns {

    private static final Map<String, String> JAVA_ONLY = Map.of(
            "\\p{Cntrl}", "\\u0000-\\u001F\\u007F",
            "\\p{Digit}", "0-9",
            "\\p{Alpha}", "A-Za-z",
            "\\p{Alnum}", "A-Za-z0-9",
            "\\p{Upper}", "A-Z",
            "\\p{Lower}", "a-z",
            "\\p{Space}", " \\t\\n\\u000B\\f\\r");

    private EcmaPatterns() {}

    static String toEcma(String java) {
        String ecma = java;
        for (Map.Entry<String, String> c : JAVA_ONLY.entrySet()) {
            ecma = ecma.replace(c.getKey(), c.getValue());
        }
        boolean anchored = ecma.startsWith("^") && ecma.endsWith("$");
        return anchored ? ecma : "^(?:" + ecma + ")$";
    }

    /** Rewrites the patterns of a schema and everything inside it. */
    static void rewrite(Schema<?> schema) {
        rewrite(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void rewrite(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getPattern() != null) {
            schema.setPattern(toEcma(schema.getPattern()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> rewrite(s, seen));
        }
        rewrite(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            rewrite(additional, seen);
        }
        for (var group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> rewrite(s, seen));
            }
        }
    }
}
