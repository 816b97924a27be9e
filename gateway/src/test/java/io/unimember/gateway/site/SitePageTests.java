package io.unimember.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SitePageTests {

    @Test
    void theDemoProfileMarksBothPagesSoTheyShowTheDemoCredentials() {
        for (String path : new String[] {"index.html", "merchant/index.html"}) {
            assertThat(html(SitePage.load(path, true).orElseThrow()))
                    .contains("<meta name=\"unimember-mode\" content=\"demo\"");
            assertThat(html(SitePage.load(path, false).orElseThrow()))
                    .contains("<meta name=\"unimember-mode\" content=\"\"");
        }
    }

    @Test
    void aPageTheWebBuildDidNotMakeIsNotServed() {
        assertThat(SitePage.load("nope.html", true)).isEmpty();
    }

    private static String html(SitePage page) {
        return new String(page.html(), StandardCharsets.UTF_8);
    }
}
