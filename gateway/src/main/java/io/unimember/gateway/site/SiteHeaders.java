package io.unimember.gateway.site;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * The headers of the pages and their assets. The pages load only their own scripts and styles (no inline ones),
 * talk only to this origin, cannot be framed, and write no HTML from strings (Trusted Types, enforced).
 */
final class SiteHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'");

    /** Asset names carry a hash of their content (Vite), so a name's content never changes. */
    static final CacheControl ASSETS =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /** The icon keeps its name across builds: a day. */
    static final CacheControl ICON = CacheControl.maxAge(Duration.ofDays(1));

    /** Pages name the current assets, so they are revalidated each time (cheap: they are small). */
    static final CacheControl PAGES = CacheControl.noCache();

    private SiteHeaders() {}

    static void page(HttpHeaders headers) {
        headers.setCacheControl(PAGES);
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        common(headers);
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }

    static void asset(HttpHeaders headers, CacheControl cache) {
        headers.setCacheControl(cache);
        common(headers);
    }

    private static void common(HttpHeaders headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
    }
}
