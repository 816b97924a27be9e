package io.unimember.common.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Marks the record components annotated JSpecify {@code @Nullable} as nullable in the schema ({@code "null"} among
 * their types, OpenAPI 3.1). The annotation is a type-use one, which swagger's model resolver does not see; without
 * this a generated client rejects the {@code "nextCursor": null} of a last page.
 */
class NullableComponents implements ModelConverter {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = rawClass(type.getType());
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved;
        if (resolved.get$ref() != null && context.getDefinedModels() != null) {
            String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
        }
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                Schema property = (Schema) model.getProperties().get(component.getName());
                if (property != null) {
                    model.getProperties().put(component.getName(), nullable(property));
                }
                if (model.getRequired() != null) {
                    List<String> required = new ArrayList<>(model.getRequired());
                    required.remove(component.getName());
                    model.setRequired(required.isEmpty() ? null : required);
                }
            }
        }
        return resolved;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            // a $ref takes no siblings a 3.0 tool understands; "either the referenced object or null"
            return new Schema<>().anyOf(List.of(property, ProblemResponses.typed("null")));
        }
        Set<String> types = property.getTypes() != null
                ? new java.util.LinkedHashSet<>(property.getTypes())
                : new java.util.LinkedHashSet<>();
        if (types.isEmpty() && property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty()) {
            return property;
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.addEnumItemObject(null);
        }
        return property;
    }

    private static @Nullable Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof JavaType javaType) {
            return javaType.getRawClass();
        }
        return null;
    }
}
