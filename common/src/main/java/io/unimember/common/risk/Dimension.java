package io.unimember.common.risk;

/** What a count is kept per. */
public enum Dimension {
    /** The app's device fingerprint ({@code X-Device-Id}). */
    DEVICE,
    /** The client IP's /24 (IPv4) or /48 (IPv6), from the gateway's {@code X-Client-Ip}. */
    IP_RANGE,
    /** The phone number's first nine characters in E.164 ({@code +86138001}): batch registration walks a range. */
    PHONE_PREFIX,
    MEMBER
}
