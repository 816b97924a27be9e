package io.unimember.common.inbox;

/** An event that can never be applied, however often it is retried; it goes straight to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
