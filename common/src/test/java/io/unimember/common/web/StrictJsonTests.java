package io.unimember.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTests {

    record Order(String orderId, long amountFen, boolean urgent) {}

    enum Channel {
        APP,
        POS
    }

    record Profile(
            java.time.@org.jspecify.annotations.Nullable LocalDate birthday,
            @org.jspecify.annotations.Nullable Channel channel) {}

    private final JsonMapper mapper = strict();

    private static JsonMapper strict() {
        var builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }

    @Test
    void wellTypedJsonReads() {
        assertThat(mapper.readValue("{\"orderId\":\"o-1\",\"amountFen\":1200,\"urgent\":true}", Order.class))
                .isEqualTo(new Order("o-1", 1200, true));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"orderId\":123,\"amountFen\":1200,\"urgent\":true}",
                "{\"orderId\":true,\"amountFen\":1200,\"urgent\":true}",
                "{\"orderId\":\"o\",\"amountFen\":\"1200\",\"urgent\":true}",
                "{\"orderId\":\"o\",\"amountFen\":12.5,\"urgent\":true}",
                "{\"orderId\":\"o\",\"amountFen\":null,\"urgent\":true}",
                "{\"orderId\":\"o\",\"amountFen\":1200,\"urgent\":\"true\"}",
                "{\"orderId\":\"o\",\"amountFen\":1200,\"urgent\":1}"
            })
    void looselyTypedJsonIsRefused(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Order.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void anEmptyStringIsNoDateAndNoEnumValue() {
        assertThatThrownBy(() -> mapper.readValue("{\"birthday\":\"\"}", Profile.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"channel\":\"\"}", Profile.class))
                .isInstanceOf(JacksonException.class);
        assertThat(mapper.readValue("{\"birthday\":\"1990-05-01\",\"channel\":\"POS\"}", Profile.class))
                .isEqualTo(new Profile(java.time.LocalDate.of(1990, 5, 1), Channel.POS));
        assertThat(mapper.readValue("{\"birthday\":null}", Profile.class)).isEqualTo(new Profile(null, null));
    }
}
