package io.unimember.settlement.webhooks;

import io.unimember.common.admin.Actor;
import io.unimember.common.admin.AdminAccess;
import io.unimember.common.admin.AdminAudit;
import io.unimember.common.admin.Role;
import io.unimember.common.security.Caller;
import io.unimember.settlement.webhooks.WebhookViews.DeadLetterPage;
import io.unimember.settlement.webhooks.WebhookViews.Replay;
import io.unimember.settlement.webhooks.WebhookViews.Replayed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's dead-letter list (admin): deliveries whose retry window ran out, and replaying them. */
@RestController
class WebhookAdminController {

    private final Deliveries deliveries;
    private final Clock clock;
    private final AdminAudit audit;

    WebhookAdminController(Deliveries deliveries, Clock clock, AdminAudit audit) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Deliveries that failed for their whole retry window, newest first.
     */
    @GetMapping("/api/v1/admin/webhooks/dead-letters")
    DeadLetterPage deadLetters(
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[0-9a-f-]{36}") String webhookId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[0-9]{1,18}") String cursor) {
        List<Deliveries.Dead> rows = deliveries.dead(webhookId, cursor == null ? 0 : Long.parseLong(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<Deliveries.Dead> items = more ? rows.subList(0, limit) : rows;
        return new DeadLetterPage(items, more ? String.valueOf(items.getLast().deliveryId()) : null);
    }

    /**
     * Sends dead deliveries again. Dead deliveries are pending again from now, with a fresh retry window; a
     * replay may arrive out of order.
     */
    @PostMapping("/api/v1/admin/webhooks/dead-letters/replay")
    @Transactional
    Replayed replay(Caller caller, @Valid @RequestBody Replay replay) {
        Actor actor = AdminAccess.require(caller, Role.OPERATOR);
        List<Long> ids = replay.deliveryIds() == null ? List.of() : replay.deliveryIds();
        Replayed replayed = new Replayed(deliveries.replay(replay.webhookId(), ids, clock.instant()));
        audit.record(
                actor,
                "WEBHOOK_DEAD_LETTERS_REPLAYED",
                replay.webhookId() == null ? "webhooks" : "webhook:" + replay.webhookId(),
                null,
                Map.of("deliveryIds", ids, "replayed", replayed.replayed()));
        return replayed;
    }
}
