package io.unimember.gateway.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * One HTML page of the web build, read once at start. Its {@code <meta name="unimember-mode">} says whether this
 * is the demo profile, so the login pages can show the demo credentials; the page needs no inline script for it.
 */
record SitePage(String path, byte[] html) {

    static final String ROOT = "META-INF/unimember-web/";
    static final String DEMO = "demo";

    private static final Logger log = LoggerFactory.getLogger(SitePage.class);
    private static final Pattern MODE = Pattern.compile("(<meta name=\"unimember-mode\" content=\")[^\"]*(\")");

    /** The page, or empty when the web module's build is not on the class path (the API works without it). */
    static Optional<SitePage> load(String path, boolean demo) {
        ClassPathResource resource = new ClassPathResource(ROOT + path);
        if (!resource.exists()) {
            log.warn("{} is not on the class path: the web module was not built, so the page is not served", path);
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher mode = MODE.matcher(html);
            if (!mode.find()) {
                log.warn("{} has no unimember-mode meta tag: demo hints will not show", path);
            }
            String marked = mode.replaceFirst("$1" + (demo ? DEMO : "") + "$2");
            return Optional.of(new SitePage(path, marked.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
