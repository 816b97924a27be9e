package io.unimember.insight.profiles;

import io.unimember.insight.queries.StoreQueries;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Asks the instance that holds a member for its profile, with the caller's own token and a short timeout. */
@Component
class ProfileForwarder {

    private final RestClient http;

    ProfileForwarder() {
        var factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofMillis(500));
        factory.setReadTimeout(Duration.ofSeconds(2));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    Profile fetch(HostInfo host, String memberId, String authorization) {
        Profile profile;
        try {
            profile = http.get()
                    .uri("http://{host}:{port}/api/v1/admin/members/{id}/profile", host.host(), host.port(), memberId)
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .header(ProfileController.FORWARDED, "1")
                    .retrieve()
                    .body(Profile.class);
        } catch (HttpClientErrorException.NotFound e) {
            throw io.unimember.common.web.ApiException.notFound(
                    "MEMBER_NOT_FOUND", "insight has seen no event of member " + memberId);
        } catch (RestClientException e) {
            throw StoreQueries.unavailable("the instance holding the member did not answer");
        }
        if (profile == null) { // a 2xx with no body is no answer either
            throw StoreQueries.unavailable("the instance holding the member answered without a profile");
        }
        return profile;
    }
}
