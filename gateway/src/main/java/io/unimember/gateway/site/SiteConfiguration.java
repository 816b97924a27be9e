package io.unimember.gateway.site;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Routes for the pages: {@code /} (and {@code /index.html}) is the member center, {@code /merchant} (with or
 * without a trailing slash, or {@code /merchant/index.html}) the merchant POS, {@code /console} (likewise) the
 * operator console, {@code /assets/*} their scripts and
 * styles, {@code /favicon.ico} the icon. The gateway's routes are matched first (handler-mapping order -200) and
 * none overlaps these; {@code AccessRules} lets all of them through without a token.
 */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration {

    /** Vite writes assets flat into assets/, named name-hash.ext. */
    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.[a-z0-9]+");

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    @Bean
    RouterFunction<ServerResponse> sitePages(Environment environment) {
        boolean demo = environment.matchesProfiles(SitePage.DEMO);
        var routes = RouterFunctions.route();
        SitePage.load("index.html", demo).ifPresent(member -> {
            routes.GET("/", request -> page(member));
            routes.GET("/index.html", request -> page(member));
        });
        SitePage.load("merchant/index.html", demo).ifPresent(merchant -> {
            for (String path : new String[] {"/merchant", "/merchant/", "/merchant/index.html"}) {
                routes.GET(path, request -> page(merchant));
            }
        });
        SitePage.load("console/index.html", demo).ifPresent(console -> {
            for (String path : new String[] {"/console", "/console/", "/console/index.html"}) {
                routes.GET(path, request -> page(console));
            }
        });
        routes.GET("/assets/{name}", SiteConfiguration::asset);
        routes.GET("/favicon.ico", request -> file("favicon.svg", SiteHeaders.ICON));
        return routes.build();
    }

    private static Mono<ServerResponse> page(SitePage page) {
        return ServerResponse.ok().contentType(HTML).headers(SiteHeaders::page).bodyValue(page.html());
    }

    private static Mono<ServerResponse> asset(ServerRequest request) {
        String name = request.pathVariable("name");
        if (!ASSET_NAME.matcher(name).matches()) {
            return notFound();
        }
        return file("assets/" + name, SiteHeaders.ASSETS);
    }

    private static Mono<ServerResponse> file(String path, CacheControl cache) {
        ClassPathResource resource = new ClassPathResource(SitePage.ROOT + path);
        if (!resource.exists()) {
            return notFound();
        }
        return ServerResponse.ok()
                .contentType(MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .headers(headers -> SiteHeaders.asset(headers, cache))
                .body(BodyInserters.fromResource(resource));
    }

    /** As problem+json, like every other error of the gateway (web.ProblemExceptionHandler). */
    private static Mono<ServerResponse> notFound() {
        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
