package io.unimember.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The member center and merchant POS pages, served by the gateway itself, without a token. */
class SiteTests extends GatewayTestSupport {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>");
    private static final Pattern SCRIPT_SRC = Pattern.compile("<script type=\"module\" crossorigin src=\"([^\"]+)\"");

    @Test
    void servesTheMemberCenterAtTheRootWithoutAToken() {
        for (String path : new String[] {"/", "/index.html"}) {
            String html = page(path);
            assertThat(html).contains("id=\"login-view\"", "id=\"wallet\"");
        }
    }

    @Test
    void servesTheMerchantPosAtMerchantWithOrWithoutTheSlash() {
        for (String path : new String[] {"/merchant", "/merchant/", "/merchant/index.html"}) {
            String html = page(path);
            assertThat(html).contains("id=\"redeem-form\"", "id=\"lookup-form\"");
        }
    }

    @Test
    void pagesForbidInlineScriptsAndForeignOrigins() {
        EntityExchangeResult<byte[]> result = get("/");
        String csp = result.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(result.getResponseHeaders().getFirst("X-Content-Type-Options"))
                .isEqualTo("nosniff");
        assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-cache");
        for (String path : new String[] {"/", "/merchant"}) {
            String html = page(path);
            Matcher scripts = SCRIPT.matcher(html);
            int count = 0;
            while (scripts.find()) {
                count++;
                assertThat(scripts.group()).as("every script is a file").contains(" src=\"/assets/");
            }
            assertThat(count).isEqualTo(1);
            assertThat(html).doesNotContain("<style", " style=", "javascript:", "onclick=", "onload=");
        }
    }

    @Test
    void servesTheScriptsAPageNamesCachedForAYear() {
        Matcher src = SCRIPT_SRC.matcher(page("/merchant"));
        assertThat(src.find()).isTrue();

        EntityExchangeResult<byte[]> script = get(src.group(1));
        assertThat(script.getResponseHeaders().getContentType().toString()).contains("javascript");
        assertThat(script.getResponseHeaders().getCacheControl()).contains("max-age=31536000", "public", "immutable");
        assertThat(new String(script.getResponseBody(), StandardCharsets.UTF_8)).contains("/open/v1/coupons/verify");
    }

    @Test
    void anUnknownAssetIsAProblemNotAPage() {
        for (String path : new String[] {"/assets/nothing-here.js", "/assets/no%20such", "/merchant/other"}) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void servesTheIcon() {
        EntityExchangeResult<byte[]> icon = get("/favicon.ico");
        assertThat(icon.getResponseHeaders().getContentType()).isEqualTo(MediaType.valueOf("image/svg+xml"));
    }

    @Test
    void outsideTheDemoProfileThePagesOfferNoDemoCredentials() {
        assertThat(page("/")).contains("<meta name=\"unimember-mode\" content=\"\"");
    }

    private String page(String path) {
        EntityExchangeResult<byte[]> result = get(path);
        assertThat(result.getResponseHeaders().getContentType())
                .isEqualTo(MediaType.valueOf("text/html;charset=UTF-8"));
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy"))
                .isNotNull();
        return new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    private EntityExchangeResult<byte[]> get(String path) {
        return client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }
}
