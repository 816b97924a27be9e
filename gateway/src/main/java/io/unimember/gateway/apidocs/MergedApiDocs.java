package io.unimember.gateway.apidocs;

import io.unimember.gateway.web.ServiceUnavailableException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v3/api-docs}: the services' documents fetched (each under the docs routes' timeout), merged, and kept
 * for a while, so integrators generate one client from one contract. A service that does not answer leaves the merge
 * unavailable (503) rather than serving a contract with a hole in it.
 */
@Configuration(proxyBeanMethods = false)
class MergedApiDocs {

    static final String[] SERVICES = {"member", "points", "coupon", "tier", "settlement", "insight"};

    private static final Duration KEPT_FOR = Duration.ofMinutes(1);

    @Bean
    RouterFunction<ServerResponse> mergedApiDocsRoute(
            Environment environment,
            JsonMapper mapper,
            @Value("${unimember.gateway.response-timeout-ms}") long timeoutMs) {
        WebClient client = WebClient.create();
        Duration timeout = Duration.ofMillis(timeoutMs);
        Mono<String> merged = Flux.fromArray(SERVICES)
                .concatMap(service -> client.get()
                        .uri(environment.getRequiredProperty("unimember.services." + service) + "/v3/api-docs")
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .bodyToMono(String.class)
                        .timeout(timeout)
                        .map(body -> Map.entry(service, mapper.readTree(body))))
                .collectList()
                .map(documents -> {
                    Map<String, JsonNode> ordered = new LinkedHashMap<>();
                    documents.forEach(d -> ordered.put(d.getKey(), d.getValue()));
                    return mapper.writeValueAsString(ApiDocsMerger.merge(ordered, "Unimember API"));
                })
                .onErrorMap(DocsUnavailable::new)
                .cache(body -> KEPT_FOR, e -> Duration.ZERO, () -> Duration.ZERO);
        return RouterFunctions.route()
                .GET(
                        "/v3/api-docs",
                        request -> merged.flatMap(body -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(body)))
                .build();
    }

    static final class DocsUnavailable extends ServiceUnavailableException {

        DocsUnavailable(Throwable cause) {
            super("a service's API document could not be fetched", "the API document is not available, retry", cause);
        }
    }
}
