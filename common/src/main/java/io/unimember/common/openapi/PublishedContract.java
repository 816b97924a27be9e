package io.unimember.common.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Finishes every service's document the same way: each operation's security and standard problem responses, the
 * shared {@code Problem} components, ECMA-262 patterns, and JSON (not {@code *}{@code /*}) as the media type of
 * bodies whose handler did not name one.
 */
class PublishedContract implements GlobalOpenApiCustomizer {

    private final OperationSecurity security;

    PublishedContract(OperationSecurity security) {
        this.security = security;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        ProblemResponses.addComponents(components);
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(EcmaPatterns::rewrite);
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(PublishedContract::parameter);
            }
            item.readOperationsMap().forEach((method, operation) -> operation(path, method, operation));
        });
    }

    private void operation(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = security.apply(path, operation);
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(PublishedContract::parameter);
        }
        if (operation.getRequestBody() != null) {
            json(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null) {
            for (ApiResponse response : operation.getResponses().values()) {
                json(response.getContent());
            }
        }
        ProblemResponses.forOperation(method, operation, secured);
    }

    private static void parameter(Parameter parameter) {
        if (parameter.getSchema() != null) {
            EcmaPatterns.rewrite(parameter.getSchema());
        }
    }

    /** A handler without {@code produces} is documented as {@code *}{@code /*}; every body here is JSON. */
    private static void json(Content content) {
        if (content == null) {
            return;
        }
        MediaType any = content.remove("*/*");
        if (any != null) {
            content.putIfAbsent("application/json", any);
        }
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
            if (media.getValue().getSchema() != null) {
                EcmaPatterns.rewrite(media.getValue().getSchema());
            }
        }
    }
}
