package io.unimember.common.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.unimember.common.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
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

    /** A {@code Caller} is resolved from the verified token; springdoc would list it as a required query object. */
    private static void hideResolvedArguments(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return;
        }
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.getParameterType() == Caller.class) {
                String name = parameter.getParameterName();
                operation.getParameters().removeIf(p -> p.getName().equals(name));
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
    }
}
