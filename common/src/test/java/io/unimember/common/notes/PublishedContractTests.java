package io.unimember.common.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.unimember.testsupport.IntegrationTest;
import io.unimember.testsupport.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document common gives every service, read from a service made of common's parts: it names the gateway,
 * states each operation's security and every response (errors as the shared Problem), and is valid to a parser no
 * one here wrote.
 */
@IntegrationTest
class PublishedContractTests {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    Environment environment;

    @Test
    void theDocumentNamesTheGatewayAndParsesWithoutAMessage() {
        String json = TestHttp.to(environment).get("/v3/api-docs", null).getBody();
        JsonNode spec = JsonMapper.builder().build().readTree(json);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/notes", "/api/v1/bu/notes");
        assertThat(spec.path("openapi").asString()).startsWith("3.1");
        assertThat(spec.path("servers").get(0).path("url").asString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(spec.path("info").path("title").asString()).isEqualTo("Unimember common-test API");
        assertThat(spec.at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl")
                        .asString())
                .isEqualTo("http://127.0.0.1:8080/oauth2/token");
        assertThat(spec.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void noOperationTakesTheCallerResolvedFromTheToken() {
        JsonNode spec = spec();

        List<String> parameters = new ArrayList<>();
        operations(spec).forEach((name, operation) -> operation
                .path("parameters")
                .forEach(p -> parameters.add(name + " " + p.path("name").asString())));

        assertThat(parameters).contains("GET /api/v1/notes/page prefix").noneMatch(p -> p.endsWith(" caller"));
    }

    @Test
    void theFeatureFolderNamesEachOperationAndItsTag() {
        Map<String, JsonNode> operations = operations(spec());

        assertThat(operations.get("POST /api/v1/notes").path("operationId").asString())
                .isEqualTo("notesCreate");
        assertThat(operations.get("POST /api/v1/bu/notes").path("operationId").asString())
                .isEqualTo("notesBuOnly");
        assertThat(operations.values())
                .allSatisfy(operation ->
                        assertThat(operation.path("tags").toString()).isEqualTo("[\"notes\"]"));
        assertThat(operations.values().stream()
                        .map(operation -> operation.path("operationId").asString())
                        .distinct())
                .hasSize(operations.size());
    }

    @Test
    void theHandlersJavadocIsTheSummaryAndEveryOperationHasOne() {
        Map<String, JsonNode> operations = operations(spec());

        JsonNode create = operations.get("POST /api/v1/notes");
        assertThat(create.path("summary").asString()).isEqualTo("Writes a note for the calling member.");
        assertThat(create.path("description").asString()).contains("The same Idempotency-Key writes it once.");
        assertThat(operations.get("POST /api/v1/bu/notes").path("summary").asString())
                .isEqualTo("notes: bu only");
        assertThat(operations.values())
                .allMatch(operation -> !operation.path("summary").asString().isBlank());
    }

    @Test
    void aFormMapIsAFormBodyAndAJsonValueIsAnyJson() {
        JsonNode spec = spec();
        JsonNode form = operations(spec).get("POST /api/v1/public/form");

        assertThat(form.has("parameters")).isFalse();
        assertThat(form.at("/requestBody/content/application~1x-www-form-urlencoded/schema/type")
                        .asString())
                .isEqualTo("object");
        assertThat(spec.at("/components/schemas/Snapshot/properties/value/description")
                        .asString())
                .isEqualTo("any JSON value");
        assertThat(spec.at("/components/schemas").has("JsonNode")).isFalse();
    }

    @Test
    void everyOperationSaysWhichTokenItNeeds() {
        Map<String, JsonNode> operations = operations(spec());

        assertThat(operations.get("POST /api/v1/bu/notes").path("security").toString())
                .isEqualTo("[{\"oauth2\":[\"bu:orders\"]}]");
        assertThat(operations.get("POST /api/v1/notes").path("security").toString())
                .isEqualTo("[{\"bearer\":[]}]");
        assertThat(operations.get("POST /api/v1/public/ping").path("security").toString())
                .isEqualTo("[]");
        assertThat(operations.values()).allMatch(operation -> operation.has("security"));
    }

    @Test
    void aCreateIsDocumentedAs201WithItsBody() {
        JsonNode responses = operations(spec()).get("POST /api/v1/notes").path("responses");

        assertThat(responses.has("200")).isFalse();
        assertThat(responses.at("/201/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/NoteCreated");
        assertThat(responses.at("/201/description").asString()).isEqualTo("note written");
    }

    @Test
    void everyOperationDocumentsItsErrorsAsTheSharedProblem() {
        JsonNode spec = spec();

        operations(spec).forEach((name, operation) -> {
            JsonNode responses = operation.path("responses");
            assertThat(responses.propertyNames()).as(name).contains("400", "404", "429", "500", "503");
            boolean secured = !operation.path("security").isEmpty();
            assertThat(responses.has("401")).as(name).isEqualTo(secured);
            assertThat(responses.path("400").path("$ref").asString()).isEqualTo("#/components/responses/BadRequest");
        });
        assertThat(spec.at("/components/responses/BadRequest/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        JsonNode problem = spec.at("/components/schemas/Problem");
        assertThat(problem.path("required").toString()).contains("code", "traceId", "status");
        assertThat(problem.at("/properties/traceId/pattern").asString()).isEqualTo("^[0-9a-f]{32}$");
        assertThat(spec.toString()).doesNotContain("*/*");
    }

    @Test
    void nullableFieldsAndPatternsSayWhatTheValidatorsCheck() {
        JsonNode spec = spec();

        JsonNode cursor = spec.at("/components/schemas/NotePage/properties/nextCursor/type");
        assertThat(cursor.toString()).contains("\"string\"", "\"null\"");
        String pattern = operations(spec)
                .get("GET /api/v1/notes/page")
                .path("parameters")
                .get(0)
                .at("/schema/pattern")
                .asString();
        assertThat(pattern).isEqualTo("^(?:[^\\u0000-\\u001F\\u007F]*)$");
        // what the service accepts and rejects (Java's \p{Cntrl}), the ECMA-262 pattern does too
        assertThat(Pattern.compile(pattern).matcher("plain text 笔记").matches()).isTrue();
        assertThat(Pattern.compile(pattern).matcher("bell\u0007").matches()).isFalse();
    }

    private JsonNode spec() {
        return JsonMapper.builder()
                .build()
                .readTree(TestHttp.to(environment).get("/v3/api-docs", null).getBody());
    }

    /** "METHOD /path" → operation, for every operation of the document. */
    static Map<String, JsonNode> operations(JsonNode spec) {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
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
}
