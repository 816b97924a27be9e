package io.unimember.common.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.unimember.common.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * What only the handler method knows, written onto its operation: the resolved {@link Caller} is no parameter, the
 * scopes its {@code @PreAuthorize} demands, and {@link Creates} answers 201. The path-wide rules are applied later,
 * over the whole document ({@link PublishedContract}).
 */
class HandlerFacts implements GlobalOperationCustomizer {

    /** The extension carrying the handler's scopes to {@link PublishedContract}; removed before the document is out. */
    static final String SCOPES = "x-unimember-scopes";

    private static final Pattern SCOPE = Pattern.compile("SCOPE_([A-Za-z0-9:._-]+)");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        nameByFeature(operation, handler);
        hideResolvedArguments(operation, handler);
        List<String> scopes = scopes(handler);
        if (!scopes.isEmpty()) {
            operation.addExtension(SCOPES, scopes);
        }
        Creates creates = handler.getMethodAnnotation(Creates.class);
        if (creates != null) {
            documentCreated(operation, creates);
        }
        return operation;
    }

    /**
     * The feature folder names the operation: its tag is the folder ({@code io.unimember.points.orders} →
     * {@code orders}) and its id the folder and the method ({@code ordersReport}), so a generated client groups
     * calls as the code does and keeps its method names when another service adds one of the same name. An id or tag
     * the handler sets itself ({@code @Operation}, {@code @Tag}) stays.
     */
    static void nameByFeature(Operation operation, HandlerMethod handler) {
        String feature = feature(handler.getBeanType().getPackageName());
        if (feature == null) {
            return;
        }
        String method = handler.getMethod().getName();
        String id = operation.getOperationId();
        if (id == null || id.equals(method) || id.startsWith(method + "_")) {
            // springdoc's "_1" for a second handler of the same name stays, so ids stay unique
            String suffix = id == null ? "" : id.substring(method.length());
            operation.setOperationId(feature + Character.toUpperCase(method.charAt(0)) + method.substring(1) + suffix);
        }
        // springdoc's own tag is the class's name in kebab case (OrderController → order-controller)
        String classTag = handler.getBeanType()
                .getSimpleName()
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
        boolean defaultTag = operation.getTags() == null || operation.getTags().equals(List.of(classTag));
        if (operation.getSummary() == null) {
            // springdoc took the handler's Javadoc first; without one, the folder and the method's words
            operation.setSummary(feature + ": "
                    + method.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT));
        }
        if (defaultTag) {
            operation.setTags(List.of(feature));
        }
    }

    /** The folder under {@code io.unimember.<service>}: {@code io.unimember.points.orders} → {@code orders}. */
    static @Nullable String feature(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length >= 4 && parts[0].equals("io") && parts[1].equals("unimember") ? parts[3] : null;
    }

    /** A {@code Caller} is resolved from the verified token; springdoc would list it as a required query object. */
    private static void hideResolvedArguments(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return;
        }
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.getParameterType() == Caller.class) {
                String name = parameter.getParameterName();
                operation.getParameters().removeIf(p -> p.getName().equals(name));
            } else if (MultiValueMap.class.isAssignableFrom(parameter.getParameterType())
                    && parameter.hasParameterAnnotation(RequestParam.class)
                    && operation.getRequestBody() == null) {
                // all the request's parameters as one map: a form body, not a query object named for the argument
                String name = parameter.getParameterName();
                operation.getParameters().removeIf(p -> p.getName().equals(name));
                operation.setRequestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType(
                                        org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                        new MediaType()
                                                .schema(new ObjectSchema()
                                                        .description("the request's parameters, each a name"
                                                                + " and a text value")))));
            }
        }
        if (operation.getParameters().isEmpty()) {
            operation.setParameters(null);
        }
    }

    /** The scopes of the method's {@code @PreAuthorize}, else of its controller's: any one of them will do. */
    static List<String> scopes(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return List.of();
        }
        Set<String> scopes = new LinkedHashSet<>();
        Matcher matcher = SCOPE.matcher(rule.value());
        while (matcher.find()) {
            scopes.add(matcher.group(1));
        }
        return new ArrayList<>(scopes);
    }

    private static void documentCreated(Operation operation, Creates creates) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        ApiResponse ok = responses.remove("200");
        ApiResponse created =
                new ApiResponse().description(creates.value()).content(ok == null ? null : ok.getContent());
        if (creates.orOk() && ok != null) {
            ok.setDescription("Nothing new was created: the existing one");
            responses.put("200", ok);
        }
        responses.put("201", created);
        if (!creates.accepted().isEmpty()) {
            responses.put(
                    "202",
                    new ApiResponse().description(creates.accepted()).content(ok == null ? null : ok.getContent()));
        }
    }
}
