package io.unimember.gateway.web;

/**
 * Something the gateway needs cannot be reached right now: answered 503 with {@code detail}, logged as a warning.
 * The features that raise it subclass it, so this package need not know them.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final String detail;

    protected ServiceUnavailableException(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail;
    }

    /** What the client reads in the problem's {@code detail}. */
    public String detail() {
        return detail;
    }
}
