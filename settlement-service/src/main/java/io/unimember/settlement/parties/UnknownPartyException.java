package io.unimember.settlement.parties;

import io.unimember.common.inbox.MalformedEventException;

/**
 * An event names a party settlement does not know. Retrying cannot help until the party is added, so it goes
 * straight to the dead-letter topic (from where it can be replayed), and is never silently dropped.
 */
public class UnknownPartyException extends MalformedEventException {

    public UnknownPartyException(String code) {
        super("unknown settlement party: " + code);
    }
}
