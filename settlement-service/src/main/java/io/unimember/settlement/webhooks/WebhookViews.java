package io.unimember.settlement.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The requests and answers of the webhook API. */
final class WebhookViews {

    private WebhookViews() {}

    /** {@code secret}: the caller's own signing secret (printable ASCII), or none to have one made. */
    record Register(
            @NotBlank @Size(max = 2048) String url,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> events,
            @Nullable @Size(min = 24, max = 128) @Pattern(regexp = "[\\x21-\\x7e]+") String secret) {}

    /** An endpoint as its owner sees it; the secret is shown only when it is made ({@link Secret}). */
    record View(
            String webhookId,
            String url,
            List<String> events,
            String status,
            @Nullable String pausedReason,
            Instant createdAt) {

        static View of(Endpoint e) {
            return new View(e.webhookId(), e.url(), e.events(), e.status(), e.pausedReason(), e.createdAt());
        }
    }

    /** The answer to registering and rotating: the only time the secret is shown. */
    record Secret(String webhookId, String secret, String url, List<String> events, String status, Instant createdAt) {}

    // one record per item type, not a generic Page<T>: springdoc drops the @Nullable of a generic record's
    // component, and a null nextCursor would break the published contract

    /** A BU's endpoints. */
    record WebhookPage(List<View> items, @Nullable String nextCursor) {}

    /** Notices to an endpoint's owner, newest first. */
    record NoticePage(List<Notice> items, @Nullable String nextCursor) {}

    /** Dead deliveries, newest first. */
    record DeadLetterPage(List<Deliveries.Dead> items, @Nullable String nextCursor) {}

    record Notice(long noticeId, String webhookId, String kind, String detail, Instant createdAt) {}

    /** Replays dead deliveries: the listed ones, or every dead one of {@code webhookId}, or all when neither. */
    record Replay(
            @Nullable @Pattern(regexp = "[0-9a-f-]{36}") String webhookId,
            @Nullable @Size(max = 1000) List<Long> deliveryIds) {}

    record Replayed(int replayed) {}
}
