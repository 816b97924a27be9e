package io.unimember.points.web;

/** The shapes of ids the API accepts, so an id is safe as an idempotency key, a Kafka key and a log field. */
public final class Ids {

    /** Member ids come from member-service; we accept any well-formed one without asking it. */
    public static final String MEMBER_ID = "[A-Za-z0-9_-]{1,64}";

    /** Client-chosen ids (orderId, refundId, holdId): also valid idempotency keys. */
    public static final String CLIENT_ID = "[A-Za-z0-9._:-]{1,64}";

    private Ids() {}
}
