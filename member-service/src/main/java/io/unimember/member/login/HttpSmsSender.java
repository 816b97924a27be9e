package io.unimember.member.login;

import io.unimember.common.web.ApiException;
import io.unimember.member.members.PhoneNumber;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the login code through an SMS provider's HTTP API: {@code POST url} with
 * {@code {"phone","signName","template","params":{"code"}}} and a bearer API key. Anything but a 2xx (or no answer in
 * time) is a 503 to the member, who may ask again; the code and the full phone number are never logged.
 */
final class HttpSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsSender.class);

    private final SmsProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    HttpSmsSender(SmsProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public void send(PhoneNumber phone, String code) {
        String body = json.writeValueAsString(Map.of(
                "phone", phone.e164(),
                "signName", properties.signName(),
                "template", properties.template(),
                "params", Map.of("code", code)));
        HttpRequest request = HttpRequest.newBuilder(Objects.requireNonNull(properties.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + properties.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            status = -1;
            log.warn("SMS provider unreachable for {}: {}", phone.masked(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        if (status < 200 || status >= 300) {
            if (status > 0) {
                log.warn("SMS provider answered {} for {}", status, phone.masked());
            }
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE, "SMS_UNAVAILABLE", "the code could not be sent right now; retry");
        }
    }
}
