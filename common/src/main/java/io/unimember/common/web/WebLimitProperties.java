package io.unimember.common.web;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what an MVC service reads from a request.
 *
 * @param maxBodyBytes the largest request body taken; a larger one is {@code 413} ({@link BodySizeLimitFilter})
 */
@Validated
@ConfigurationProperties("unimember.web")
public record WebLimitProperties(@DefaultValue("65536") @Positive long maxBodyBytes) {}
