package io.unimember.settlement.notifications;

import io.unimember.common.transactions.AfterCommit;
import io.unimember.settlement.notifications.Message.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Tells a member something: the inbox gets the message unless the member was told this already or got a message of
 * the kind today (Shanghai day); then each channel the member wants sends it, after the inbox's transaction
 * committed, so a slow SMS or push gateway never holds a database transaction or the event path.
 */
@Service
class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Inbox inbox;
    private final Preferences preferences;
    private final List<Notifier> channels;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifications(
            Inbox inbox,
            Preferences preferences,
            List<Notifier> channels,
            NotificationProperties properties,
            Clock clock) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    /** True if the member is told now (it was not told this before, nor of this kind today). */
    boolean tell(String memberId, Kind kind, String ref, String title, String body) {
        Instant now = clock.instant();
        LocalDate day = now.atZone(properties.zone()).toLocalDate();
        Message message = new Message(UUID.randomUUID().toString(), memberId, kind, ref, title, body, now, null);
        if (!inbox.add(message, day)) {
            return false;
        }
        Preferences.Choice choice = preferences.of(memberId);
        Notifier.Outgoing outgoing =
                new Notifier.Outgoing(memberId, kind.name(), title, body, choice.sms(), choice.push());
        AfterCommit.run(() -> Thread.ofVirtual().start(() -> {
            for (Notifier channel : channels) {
                try {
                    channel.send(outgoing);
                } catch (RuntimeException e) {
                    log.warn("{} to member {} failed: {}", channel.channel(), memberId, e.toString());
                }
            }
        }));
        return true;
    }
}
