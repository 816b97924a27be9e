package io.unimember.settlement;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;

/**
 * Reads numbers strictly: {@code "9000"} or {@code 9000.5} for a rate is a 400, not 9000. Common's defaults ask for
 * this ({@code spring.jackson.mapper.allow-coercion-of-scalars: false}), but the property does not reach the
 * {@code JsonMapper} bean under Boot 4 (the bean still coerces), so this service sets it itself until common does.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictNumbers() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
