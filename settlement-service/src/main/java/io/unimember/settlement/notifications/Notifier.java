package io.unimember.settlement.notifications;

/**
 * A channel a message goes out on besides the inbox, which always holds it. A channel decides from the member's
 * preferences and the time whether it sends; it never fails the message (the inbox has it).
 */
public interface Notifier {

    String channel();

    /** Sends the message if the member wants it on this channel now; true if it went out. */
    boolean send(Outgoing message);

    /** What a channel sends: the member, the message and the member's preferences. */
    record Outgoing(String memberId, String kind, String title, String body, boolean sms, boolean push) {}
}
