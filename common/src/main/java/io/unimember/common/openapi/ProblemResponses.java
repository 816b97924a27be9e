package io.unimember.common.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared {@code Problem} schema (design §2: RFC 9457 with {@code code} and a W3C {@code traceId}) and the error
 * responses every operation can give, as reusable components each operation refers to.
 */
final class ProblemResponses {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** status → (component name, description); which ones an operation gets is decided in {@link #forOperation}. */
    private static final Map<String, String[]> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("400", new String[] {"BadRequest", "Invalid input (VALIDATION_FAILED lists the fields)"});
        STANDARD.put("401", new String[] {"Unauthorized", "No valid bearer token"});
        STANDARD.put("403", new String[] {
            "Forbidden",
            "The token lacks the scope or is for another principal, or risk control refused the action (RISK_DENIED,"
                    + " MEMBER_FROZEN)"
        });
        STANDARD.put("404", new String[] {"NotFound", "No such resource (or not this caller's)"});
        STANDARD.put("409", new String[] {"Conflict", "Conflicts with the current state or an idempotency key"});
        STANDARD.put("413", new String[] {"PayloadTooLarge", "The body is larger than the service accepts"});
        STANDARD.put("415", new String[] {"UnsupportedMediaType", "The body is not application/json"});
        STANDARD.put("429", new String[] {"TooManyRequests", "Rate limited; retry after Retry-After seconds"});
        STANDARD.put("500", new String[] {"InternalError", "Unexpected failure; nothing to fix on the client side"});
        STANDARD.put("503", new String[] {"ServiceUnavailable", "Temporarily unavailable; retry after Retry-After"});
    }

    private ProblemResponses() {}

    static void addComponents(Components components) {
        components.addSchemas(PROBLEM, problemSchema());
        STANDARD.forEach((status, named) -> components.addResponses(named[0], response(named[1])));
    }

    /** Adds the standard errors this operation can give to the responses it documents itself. */
    static void forOperation(PathItem.HttpMethod method, Operation operation, boolean secured) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean hasBody = operation.getRequestBody() != null;
        for (Map.Entry<String, String[]> standard : STANDARD.entrySet()) {
            String status = standard.getKey();
            boolean applies =
                    switch (status) {
                        case "401", "403" -> secured;
                        case "409" -> writes;
                        case "413", "415" -> hasBody;
                        default -> true;
                    };
            if (applies && !responses.containsKey(status)) {
                responses.addApiResponse(
                        status, new ApiResponse().$ref("#/components/responses/" + standard.getValue()[0]));
            }
        }
        operation.setResponses(responses);
    }

    private static ApiResponse response(String description) {
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = typed("object")
                .addProperty("field", typed("string").description("the offending field, dotted for nested ones"))
                .addProperty("message", typed("string"))
                .required(List.of("field", "message"));
        Schema problem = typed("object")
                .description("RFC 9457 problem details, as every error of every layer answers")
                .addProperty("type", typed("string").format("uri"))
                .addProperty("title", typed("string"))
                .addProperty(
                        "status",
                        typed("integer")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", typed("string"))
                .addProperty("instance", typed("string"))
                .addProperty(
                        "code",
                        typed("string")
                                .pattern("^[A-Z][A-Z0-9_]*$")
                                .description("stable machine code, e.g. POINTS_INSUFFICIENT"))
                .addProperty(
                        "traceId",
                        typed("string").pattern("^[0-9a-f]{32}$").description("W3C trace id, to quote to support"))
                .addProperty(
                        "errors",
                        typed("array").items(fieldError).description("the invalid fields of a VALIDATION_FAILED"))
                .required(List.of("type", "title", "status", "code", "traceId"));
        problem.setAdditionalProperties(Boolean.TRUE);
        return problem;
    }

    /** Both spellings of the type: OpenAPI 3.1 serializes {@code types}, 3.0 tools read {@code type}. */
    @SuppressWarnings("rawtypes")
    static Schema typed(String type) {
        return new Schema<>().type(type).types(new java.util.LinkedHashSet<>(Set.of(type)));
    }
}
