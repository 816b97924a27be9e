package io.unimember.member.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.unimember.common.web.ApiException;
import io.unimember.member.members.PhoneNumber;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SMS provider adapter against a local stub of the provider's HTTP API. */
class HttpSmsSenderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpServer provider;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger delayMillis = new AtomicInteger(0);

    @BeforeEach
    void startProvider() throws Exception {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/sms/send", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void theCodeGoesToTheProviderWithTheKeyTemplateAndFullNumber() {
        sender(Duration.ofSeconds(2)).send(PhoneNumber.parse("13812345678").orElseThrow(), "482913");

        JsonNode sent = JSON.readTree(bodies.getFirst());
        assertThat(sent.path("phone").asString()).isEqualTo("+8613812345678");
        assertThat(sent.path("template").asString()).isEqualTo("LOGIN_CODE");
        assertThat(sent.path("signName").asString()).isEqualTo("Unimember");
        assertThat(sent.path("params").path("code").asString()).isEqualTo("482913");
        assertThat(authorizations.getFirst()).isEqualTo("Bearer key-123");
    }

    @Test
    void aProviderErrorOrSilenceIsA503ForTheMember() {
        PhoneNumber phone = PhoneNumber.parse("13812345678").orElseThrow();
        status.set(500);
        assertThatThrownBy(() -> sender(Duration.ofSeconds(2)).send(phone, "111111"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getMessage()).contains("retry"));

        status.set(200);
        delayMillis.set(1_500);
        assertThatThrownBy(() -> sender(Duration.ofMillis(300)).send(phone, "111111"))
                .isInstanceOf(ApiException.class);

        provider.stop(0);
        assertThatThrownBy(() -> sender(Duration.ofMillis(300)).send(phone, "111111"))
                .isInstanceOf(ApiException.class);
    }

    private HttpSmsSender sender(Duration timeout) {
        URI url = URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/sms/send");
        return new HttpSmsSender(new SmsProperties(url, "key-123", "LOGIN_CODE", "Unimember", timeout), JSON);
    }
}
