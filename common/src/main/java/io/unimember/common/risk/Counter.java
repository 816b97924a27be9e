package io.unimember.common.risk;

/** What the sliding windows count, per {@link Dimension}. */
public enum Counter {
    /** Registration attempts, refused ones included: an attacker's tries are the signal. */
    REGISTRATIONS,
    LOGINS,
    /** Distinct members seen (at registration and login): a device farm shows many members on one device. */
    MEMBERS,
    CLAIMS,
    EXCHANGES,
    REWARDS,
    /** Orders that earned more than the large-earning threshold. */
    LARGE_EARNINGS,
    /** Orders refunded after they were rewarded. */
    REWARDED_REFUNDS
}
