package io.unimember.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a valid request body into hostile ones: fields dropped or of the wrong type, negative and overflowing
 * amounts, SQL injection, over-long and odd unicode strings, deep nesting, malformed and huge JSON. Seeded, so a
 * failure is reproducible from the seed the test prints.
 */
final class Fuzz {

    static final List<String> NASTY_STRINGS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE member; --",
            "\" OR 1=1 --",
            "1; SELECT SLEEP(5)",
            "${jndi:ldap://127.0.0.1/a}",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "\u0000",
            "\u202e\u0645\u0631\u062d\u0628\u0627",
            "👨‍👩‍👧‍👦🀄️神券",
            "\ud83d",
            " ",
            "",
            "x".repeat(10_000),
            "%00%0d%0a",
            "NaN");

    static final List<Object> NASTY_NUMBERS =
            List.of(-1, 0, Long.MAX_VALUE, Long.MIN_VALUE, 1e308, -0.5, 3.14, "12", "1e999", true);

    private final Random random;
    private final JsonMapper json = JsonMapper.builder().build();

    Fuzz(long seed) {
        this.random = new Random(seed);
    }

    /** Raw bodies that are not well-formed JSON of the right size or depth. */
    static List<String> rawHostileBodies() {
        return List.of(
                "{",
                "{\"a\":",
                "[]",
                "null",
                "\"just a string\"",
                "{\"a\":1,\"a\":2}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001),
                "{\"pad\":\"" + "x".repeat(1_200_000) + "\"}",
                "\u0000\u0001\u0002",
                "{\"orderId\":\"\\ud800\"}");
    }

    /** {@code count} mutations of a valid body. */
    List<String> mutate(Map<String, Object> valid, int count) {
        ObjectNode base = json.valueToTree(valid);
        List<String> bodies = new ArrayList<>();
        List<String> fields = new ArrayList<>(base.propertyNames());
        for (int i = 0; i < count; i++) {
            ObjectNode body = base.deepCopy();
            int changes = 1 + random.nextInt(Math.max(1, fields.size()));
            for (int c = 0; c < changes && !fields.isEmpty(); c++) {
                String field = fields.get(random.nextInt(fields.size()));
                switch (random.nextInt(6)) {
                    case 0 -> body.remove(field);
                    case 1 -> body.putNull(field);
                    case 2 ->
                        body.set(field, json.valueToTree(NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size()))));
                    case 3 ->
                        body.set(field, json.valueToTree(NASTY_NUMBERS.get(random.nextInt(NASTY_NUMBERS.size()))));
                    case 4 -> body.set(field, nested(random.nextInt(3)));
                    default ->
                        body.put(
                                "unexpected" + random.nextInt(3),
                                NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size())));
                }
            }
            bodies.add(json.writeValueAsString(body));
        }
        return bodies;
    }

    /** A hostile path segment. */
    String segment() {
        return List.of("%27%20OR%201%3D1", "..%2F..%2Fadmin", "x".repeat(300), "%F0%9F%80%84", "-1", "%00", "null")
                .get(random.nextInt(7));
    }

    private JsonNode nested(int kind) {
        return switch (kind) {
            case 0 -> {
                ArrayNode array = json.createArrayNode();
                array.add(1).add("two");
                yield array;
            }
            case 1 -> json.createObjectNode().put("$gt", "");
            default -> json.valueToTree(Map.of("deep", Map.of("deeper", List.of(Map.of("deepest", -1)))));
        };
    }
}
