package io.unimember.settlement.notifications;

/**
 * The SMS gateway. Unimember knows members by id; the adapter of the SMS provider resolves the number (member-service
 * owns it) and renders the provider's template. The default only logs ({@link LoggingSmsSender}).
 */
public interface SmsSender {

    void send(String memberId, String text);
}
