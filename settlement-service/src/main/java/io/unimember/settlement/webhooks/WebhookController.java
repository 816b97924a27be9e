package io.unimember.settlement.webhooks;

import io.unimember.common.openapi.Creates;
import io.unimember.common.security.Caller;
import io.unimember.settlement.webhooks.WebhookViews.NoticePage;
import io.unimember.settlement.webhooks.WebhookViews.Register;
import io.unimember.settlement.webhooks.WebhookViews.Secret;
import io.unimember.settlement.webhooks.WebhookViews.View;
import io.unimember.settlement.webhooks.WebhookViews.WebhookPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A BU's (or merchant's) webhook endpoints, scope {@code bu:webhooks}: each caller sees and changes only its own. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_bu:webhooks')")
class WebhookController {

    private static final String ID = "[0-9a-f-]{36}";

    private final Webhooks webhooks;
    private final Notices notices;

    WebhookController(Webhooks webhooks, Notices notices) {
        this.webhooks = webhooks;
        this.notices = notices;
    }

    /**
     * Registers a webhook endpoint for the events that concern the calling BU. The answer is the only time the
     * signing secret is shown.
     */
    @PostMapping("/api/v1/bu/webhooks")
    @Creates("the endpoint is registered")
    ResponseEntity<Secret> register(Caller caller, @Valid @RequestBody Register request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(webhooks.register(Owner.of(caller), request));
    }

    /**
     * The calling BU's webhook endpoints (without their secrets).
     */
    @GetMapping("/api/v1/bu/webhooks")
    WebhookPage list(Caller caller) {
        return new WebhookPage(
                webhooks.list(Owner.of(caller)).stream().map(View::of).toList(), null);
    }

    /**
     * Notices about the calling BU's endpoints. Notices to the owner: an endpoint paused because it kept
     * failing. Newest first.
     */
    @GetMapping("/api/v1/bu/webhooks/notices")
    NoticePage notices(
            Caller caller,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[0-9]{1,19}") String cursor) {
        return notices.of(Owner.of(caller), cursor == null ? Long.MAX_VALUE : Long.parseLong(cursor), limit);
    }

    /**
     * Gives an endpoint a new signing secret, shown in this answer only.
     */
    @PostMapping("/api/v1/bu/webhooks/{webhookId}/rotate-secret")
    Secret rotate(Caller caller, @PathVariable @Pattern(regexp = ID) String webhookId) {
        return webhooks.rotate(Owner.of(caller), webhookId);
    }

    /**
     * Pauses deliveries to an endpoint; they are kept and sent on resume.
     */
    @PostMapping("/api/v1/bu/webhooks/{webhookId}/pause")
    View pause(Caller caller, @PathVariable @Pattern(regexp = ID) String webhookId) {
        return View.of(webhooks.pause(Owner.of(caller), webhookId));
    }

    /**
     * Resumes deliveries to a paused endpoint. Deliveries held while paused are due at once, in order; what
     * outlived the retry window is in the dead letters.
     */
    @PostMapping("/api/v1/bu/webhooks/{webhookId}/resume")
    View resume(Caller caller, @PathVariable @Pattern(regexp = ID) String webhookId) {
        return View.of(webhooks.resume(Owner.of(caller), webhookId));
    }

    /**
     * Deletes a webhook endpoint. Deletes the endpoint and every delivery still owed to it.
     */
    @DeleteMapping("/api/v1/bu/webhooks/{webhookId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable @Pattern(regexp = ID) String webhookId) {
        webhooks.delete(Owner.of(caller), webhookId);
        return ResponseEntity.noContent().build();
    }
}
