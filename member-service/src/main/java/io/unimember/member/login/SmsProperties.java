package io.unimember.member.login;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS provider ({@link HttpSmsSender}): set {@code unimember.sms.http.url} and it is used; without it only the
 * {@code demo} profile can send codes (to the log).
 *
 * @param url the provider's send endpoint
 * @param apiKey sent as {@code Authorization: Bearer}
 * @param template the provider's template id for the login code message
 * @param signName the sender name the provider shows (短信签名)
 * @param timeout connect and read timeout; a slow provider fails the request (503) rather than hold it
 */
@ConfigurationProperties("unimember.sms.http")
public record SmsProperties(
        @Nullable URI url,
        @DefaultValue("") String apiKey,
        @DefaultValue("LOGIN_CODE") String template,
        @DefaultValue("Unimember") String signName,
        @DefaultValue("PT3S") Duration timeout) {}
