package io.unimember.settlement.notifications;

import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's inbox and notification preferences (member token): only ever the caller's own. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_member')")
class InboxController {

    private final Inbox inbox;
    private final Preferences preferences;
    private final Clock clock;

    InboxController(Inbox inbox, Preferences preferences, Clock clock) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.clock = clock;
    }

    record Item(String messageId, String kind, String title, String body, Instant createdAt, @Nullable Instant readAt) {
        static Item of(Message m) {
            return new Item(m.messageId(), m.kind().name(), m.title(), m.body(), m.createdAt(), m.readAt());
        }
    }

    /** Design §16 names the cursor {@code next}. */
    record Page(List<Item> items, @Nullable String next) {}

    record PreferenceView(boolean inbox, boolean sms, boolean push) {}

    record PreferenceChange(@NotNull Boolean sms, @NotNull Boolean push) {}

    /**
     * The calling member's in-app messages. Newest first.
     */
    @GetMapping("/api/v1/members/me/inbox")
    Page inbox(
            Caller caller,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[0-9]{1,18}") String cursor) {
        List<Inbox.Row> rows =
                inbox.page(caller.memberId(), cursor == null ? Long.MAX_VALUE : Long.parseLong(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<Inbox.Row> page = more ? rows.subList(0, limit) : rows;
        return new Page(
                page.stream().map(r -> Item.of(r.message())).toList(),
                more ? String.valueOf(page.getLast().seq()) : null);
    }

    /**
     * Marks a message read. Idempotent: reading a read message keeps its first {@code readAt}.
     */
    @PostMapping("/api/v1/members/me/inbox/{messageId}/read")
    Item read(Caller caller, @PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String messageId) {
        String member = caller.memberId();
        if (inbox.find(member, messageId).isEmpty()) {
            throw ApiException.notFound("MESSAGE_NOT_FOUND", "no message " + messageId + " in your inbox");
        }
        inbox.markRead(member, messageId, clock.instant());
        return Item.of(inbox.find(member, messageId).orElseThrow());
    }

    /**
     * The calling member's notification channels: which of SMS and push are on.
     */
    @GetMapping("/api/v1/members/me/notification-preferences")
    PreferenceView preferences(Caller caller) {
        Preferences.Choice choice = preferences.of(caller.memberId());
        return new PreferenceView(true, choice.sms(), choice.push());
    }

    /**
     * Sets the calling member's notification channels. The inbox is always on; SMS and push are the member's
     * choice.
     */
    @PutMapping("/api/v1/members/me/notification-preferences")
    PreferenceView setPreferences(Caller caller, @Valid @RequestBody PreferenceChange change) {
        preferences.set(caller.memberId(), new Preferences.Choice(change.sms(), change.push()), clock.instant());
        return preferences(caller);
    }
}
