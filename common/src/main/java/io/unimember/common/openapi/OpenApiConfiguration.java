package io.unimember.common.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.unimember.common.security.Caller;
import io.unimember.common.security.SecurityConfiguration;
import io.unimember.common.security.SecurityProperties;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The one springdoc customization of every MVC service (see the package's description). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties({OpenApiProperties.class, SecurityProperties.class})
public class OpenApiConfiguration {

    static {
        // resolved from the verified token, never sent by the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        // a JSON value kept as it is (an audit entry's before and after): any JSON, not the tree class's getters
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        tools.jackson.databind.JsonNode.class,
                        new io.swagger.v3.oas.models.media.Schema<Object>().description("any JSON value"));
    }

    /** The document's base: springdoc keeps servers given here instead of the URL the request came in on. */
    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI unimemberOpenApi(OpenApiProperties properties, @Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info()
                        .title("Unimember " + service + " API")
                        .version(properties.version())
                        .description("The " + service + " part of the Unimember API. Every endpoint is reached"
                                + " through the gateway; errors are application/problem+json (the Problem schema).")
                        .contact(new Contact().url(properties.contact())))
                .servers(List.of(new Server().url(properties.publicUrl()).description("the gateway")))
                .components(new Components()
                        .addSecuritySchemes(
                                OperationSecurity.BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token: a member's from login, or any client's"))
                        .addSecuritySchemes(
                                OperationSecurity.OAUTH2,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .description("BU, merchant and admin clients: client credentials")
                                        .flows(new OAuthFlows()
                                                .clientCredentials(new OAuthFlow()
                                                        .tokenUrl(properties.tokenUrl())
                                                        .scopes(scopes())))));
    }

    @Bean
    HandlerFacts unimemberHandlerFacts() {
        return new HandlerFacts();
    }

    @Bean
    PublishedContract unimemberPublishedContract(SecurityProperties security) {
        return new PublishedContract(new OperationSecurity(List.of(SecurityConfiguration.publicPaths(security))));
    }

    @Bean
    NullableComponents unimemberNullableComponents() {
        return new NullableComponents();
    }

    private static Scopes scopes() {
        return new Scopes()
                .addString(io.unimember.common.security.Scopes.BU_ORDERS, "report orders and refunds")
                .addString(io.unimember.common.security.Scopes.BU_MEMBERS, "bind and resolve members")
                .addString(io.unimember.common.security.Scopes.BU_REDEEM, "hold, spend and release points")
                .addString(io.unimember.common.security.Scopes.BU_CAMPAIGNS, "run coupon campaigns")
                .addString(io.unimember.common.security.Scopes.BU_WEBHOOKS, "receive webhooks")
                .addString(io.unimember.common.security.Scopes.MERCHANT_MEMBERS, "read consenting members")
                .addString(io.unimember.common.security.Scopes.MERCHANT_VERIFY, "verify coupons at the till")
                .addString(io.unimember.common.security.Scopes.ADMIN, "operate the platform");
    }
}
