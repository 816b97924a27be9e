package io.unimember.testsupport;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a published OpenAPI document the way an integrator's tools would, plus the rules of design §17: it parses
 * without a message (swagger-parser), names the gateway as its server, every operation declares its security and
 * documents its errors as the shared {@code Problem}, no resolved argument leaks in as a parameter, every pattern
 * compiles. {@link #violations} lists what is wrong; a test asserts it is empty.
 */
public final class OpenApiContract {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiContract() {}

    public static List<String> violations(String document, String gatewayUrl) {
        List<String> violations = new ArrayList<>();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(m -> violations.add("swagger-parser: " + m));
        }
        JsonNode spec = JSON.readTree(document);
        if (!spec.path("openapi").asString().startsWith("3.1")) {
            violations.add("not OpenAPI 3.1: " + spec.path("openapi"));
        }
        if (!gatewayUrl.equals(spec.at("/servers/0/url").asString())
                || spec.path("servers").size() != 1) {
            violations.add("servers must be the gateway only: " + spec.path("servers"));
        }
        if (!spec.at("/components/schemas/Problem").isObject()) {
            violations.add("no shared Problem schema");
        }
        operations(spec).forEach((name, operation) -> check(name, operation, violations));
        patterns(spec, "", violations);
        if (spec.toString().contains("\"*/*\"")) {
            violations.add("a body is documented as */*");
        }
        return violations;
    }

    /** "METHOD /path" → operation. */
    public static Map<String, JsonNode> operations(JsonNode spec) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (var path : spec.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    operations.put(method.toUpperCase() + " " + path.getKey(), operation);
                }
            }
        }
        return operations;
    }

    private static void check(String name, JsonNode operation, List<String> violations) {
        if (!operation.has("security")) {
            violations.add(name + ": declares no security");
        }
        operation.path("parameters").forEach(p -> {
            if (p.path("name").asString().equals("caller")) {
                violations.add(name + ": the resolved Caller is documented as a parameter");
            }
        });
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (var response : responses.properties()) {
            String status = response.getKey();
            success |= status.startsWith("2");
            if (status.startsWith("4") || status.startsWith("5")) {
                String ref = response.getValue().path("$ref").asString();
                // the OAuth 2.0 endpoints answer a client that failed to authenticate in RFC 6749's error JSON
                boolean oauthClientError = name.contains(" /oauth2/") && status.equals("401");
                if (!ref.startsWith("#/components/responses/") && !oauthClientError) {
                    violations.add(name + ": " + status + " is not a shared problem response");
                }
            }
        }
        if (!success) {
            violations.add(name + ": documents no success response");
        }
        for (String status : List.of("400", "404", "500", "503")) {
            if (!responses.has(status)) {
                violations.add(name + ": does not document " + status);
            }
        }
    }

    private static void patterns(JsonNode node, String at, List<String> violations) {
        if (node.isObject()) {
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.isString()) {
                String regex = pattern.asString();
                if (!regex.startsWith("^") || !regex.endsWith("$") || regex.contains("\\p{")) {
                    violations.add(at + ": pattern is not anchored ECMA-262: " + regex);
                }
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    violations.add(at + ": pattern does not compile: " + regex);
                }
            }
            node.properties().forEach(p -> patterns(p.getValue(), at + "/" + p.getKey(), violations));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                patterns(node.get(i), at + "/" + i, violations);
            }
        }
    }
}
