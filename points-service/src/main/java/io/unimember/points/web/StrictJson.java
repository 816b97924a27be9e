package io.unimember.points.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads numbers strictly: {@code 12.5}, {@code "12"} or {@code null} for points or an amount is a 400, never 12 or
 * 0. The shared {@code spring.jackson.*} defaults say the same but do not reach the mapper in this Boot version, so
 * this customizer, applied last, makes sure.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }
}
