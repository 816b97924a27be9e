package io.unimember.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same rule for a sane request id as the services' {@code [A-Za-z0-9._:-]{1,64}}. */
class RequestIdsTests {

    @Test
    void acceptsOnlyShortIdsOfSafeCharacters() {
        assertThat(RequestIds.isSane("abc-DEF_1.2:3")).isTrue();
        assertThat(RequestIds.isSane("a".repeat(64))).isTrue();
        assertThat(RequestIds.isSane("a".repeat(65))).isFalse();
        assertThat(RequestIds.isSane("")).isFalse();
        assertThat(RequestIds.isSane(null)).isFalse();
        assertThat(RequestIds.isSane("a b")).isFalse();
        assertThat(RequestIds.isSane("a\r\nSet-Cookie: x")).isFalse();
        assertThat(RequestIds.isSane("é")).isFalse();
    }

    @Test
    void generatesDistinctSaneIds() {
        String one = RequestIds.generate();

        assertThat(RequestIds.isSane(one)).isTrue();
        assertThat(one).isNotEqualTo(RequestIds.generate());
    }
}
