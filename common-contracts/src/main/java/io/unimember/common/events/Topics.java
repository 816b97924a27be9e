package io.unimember.common.events;

import java.util.List;

/** Kafka topics, one per source aggregate and version; poison events go to {@code <topic>.dlt}. */
public final class Topics {

    public static final String MEMBER = "member.events.v1";
    public static final String ORDER = "order.events.v1";
    public static final String POINTS = "points.events.v1";
    public static final String TIER = "tier.events.v1";
    public static final String COUPON = "coupon.events.v1";
    public static final String MEMBERSHIP = "membership.events.v1";
    /** Risk reviews opened by the deciding services and decided by operators in member-service. */
    public static final String RISK = "risk.events.v1";
    /** Admin writes of every service, for member-service's audit log ({@code GET /api/v1/admin/audit}). */
    public static final String ADMIN = "admin.events.v1";
    /** BUs inside the group may report orders here instead of calling the REST API. */
    public static final String BU_ORDERS = "bu.orders.v1";
    /**
     * insight-service's segment memberships (compacted, not an event envelope): key {@code segmentId:memberId}, value
     * {@code {"segmentId","memberId","since"}} while the member is in, a tombstone when they leave. Not in {@link
     * #ALL}: insight-service creates it compacted.
     */
    public static final String SEGMENT_MEMBERS = "segment.members.v1";

    public static final List<String> ALL =
            List.of(MEMBER, ORDER, POINTS, TIER, COUPON, MEMBERSHIP, BU_ORDERS, RISK, ADMIN);

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
