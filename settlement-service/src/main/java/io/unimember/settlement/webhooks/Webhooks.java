package io.unimember.settlement.webhooks;

import io.unimember.common.web.ApiException;
import io.unimember.settlement.webhooks.WebhookViews.Register;
import io.unimember.settlement.webhooks.WebhookViews.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering and managing endpoints; an owner only ever sees and changes its own. */
@Service
class Webhooks {

    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final TargetGuard guard;
    private final WebhookProperties properties;
    private final Clock clock;

    Webhooks(Endpoints endpoints, Deliveries deliveries, TargetGuard guard, WebhookProperties properties, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Secret register(Owner owner, Register request) {
        URI target = guard.check(request.url());
        List<String> events = WebhookEvents.normalize(request.events());
        if (events.stream().anyMatch(type -> type.equals(WebhookEvents.PERIOD_CLOSED))
                && !owner.merchant().isEmpty()) {
            throw ApiException.badRequest(
                    "WEBHOOK_EVENT_NOT_ALLOWED", "a merchant cannot subscribe to its BU's settlement statements");
        }
        String url = target.toString();
        List<Endpoint> existing = endpoints.of(owner);
        if (existing.stream().anyMatch(e -> e.url().equals(url))) {
            throw ApiException.conflict("WEBHOOK_URL_REGISTERED", "an endpoint with this url is registered already");
        }
        if (existing.size() >= properties.maxEndpointsPerOwner()) {
            throw ApiException.conflict(
                    "WEBHOOK_LIMIT_REACHED", "at most " + properties.maxEndpointsPerOwner() + " endpoints each");
        }
        String secret = request.secret() == null ? Signatures.newSecret() : request.secret();
        Instant now = clock.instant();
        Endpoint endpoint =
                new Endpoint(UUID.randomUUID().toString(), owner, url, events, secret, Endpoint.ACTIVE, null, now);
        endpoints.insert(endpoint);
        return secret(endpoint, secret);
    }

    List<Endpoint> list(Owner owner) {
        return endpoints.of(owner);
    }

    @Transactional
    Secret rotate(Owner owner, String webhookId) {
        Endpoint endpoint = owned(owner, webhookId);
        String secret = Signatures.newSecret();
        endpoints.setSecret(webhookId, secret);
        return secret(endpoint, secret);
    }

    @Transactional
    Endpoint pause(Owner owner, String webhookId) {
        owned(owner, webhookId);
        endpoints.pause(webhookId, "OWNER");
        return owned(owner, webhookId);
    }

    @Transactional
    Endpoint resume(Owner owner, String webhookId) {
        owned(owner, webhookId);
        endpoints.resume(webhookId);
        deliveries.dueNow(webhookId, clock.instant());
        return owned(owner, webhookId);
    }

    @Transactional
    void delete(Owner owner, String webhookId) {
        owned(owner, webhookId);
        endpoints.delete(webhookId);
    }

    private Endpoint owned(Owner owner, String webhookId) {
        return endpoints
                .find(webhookId)
                .filter(e -> e.owner().equals(owner))
                .orElseThrow(() -> ApiException.notFound("WEBHOOK_NOT_FOUND", "no webhook " + webhookId + " of yours"));
    }

    private static Secret secret(Endpoint e, String secret) {
        return new Secret(e.webhookId(), secret, e.url(), e.events(), e.status(), e.createdAt());
    }
}
