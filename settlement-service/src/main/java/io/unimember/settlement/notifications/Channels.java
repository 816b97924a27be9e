package io.unimember.settlement.notifications;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The channels: SMS through the {@link SmsSender}, and push through the gateway the properties name. */
@Configuration(proxyBeanMethods = false)
class Channels {

    private static final Logger log = LoggerFactory.getLogger(Channels.class);

    @Bean
    @ConditionalOnMissingBean
    SmsSender smsSender() {
        return new LoggingSmsSender();
    }

    @Bean
    Notifier smsNotifier(SmsSender sms) {
        return new Notifier() {
            @Override
            public String channel() {
                return "sms";
            }

            @Override
            public boolean send(Outgoing m) {
                if (!m.sms()) {
                    return false;
                }
                sms.send(m.memberId(), m.title() + " " + m.body());
                return true;
            }
        };
    }

    /** Pushes wait for no one: in the quiet hours (22:00–08:00 in the members' zone) there is none at all. */
    @Bean
    Notifier pushNotifier(NotificationProperties properties, Clock clock) {
        NotificationProperties.Push push = properties.push();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(push.timeout());
        requests.setReadTimeout(push.timeout());
        RestClient client = RestClient.builder().requestFactory(requests).build();
        return new Notifier() {
            @Override
            public String channel() {
                return "push";
            }

            @Override
            public boolean send(Outgoing m) {
                if (!m.push() || properties.quietAt(LocalTime.now(clock.withZone(properties.zone())))) {
                    return false;
                }
                if (!push.enabled() || push.url().isBlank()) {
                    log.info("push to member {} (no push gateway configured): {}", m.memberId(), m.title());
                    return true;
                }
                client.post()
                        .uri(push.url())
                        .body(Map.of("memberId", m.memberId(), "kind", m.kind(), "title", m.title(), "body", m.body()))
                        .retrieve()
                        .toBodilessEntity();
                return true;
            }
        };
    }
}
