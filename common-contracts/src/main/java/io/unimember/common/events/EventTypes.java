package io.unimember.common.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every event type: wire name to record class and topic. */
public final class EventTypes {

    private static final List<Class<? extends DomainEvent>> ALL = List.of(
            MemberRegistered.class,
            MemberBirthdayChanged.class,
            BuOrderReported.class,
            OrderCompleted.class,
            OrderRefunded.class,
            PointsEarned.class,
            PointsReversed.class,
            PointsRefunded.class,
            PointsHeld.class,
            PointsReleased.class,
            PointsRedeemed.class,
            PointsExpired.class,
            TierChanged.class,
            TierGrowthChanged.class,
            CouponIssued.class,
            CouponLocked.class,
            CouponRedeemed.class,
            CouponReleased.class,
            CouponReturned.class,
            CouponRevoked.class,
            RewardKept.class,
            CampaignRewarded.class,
            CouponExchangeRequested.class,
            CouponExchangeSettled.class,
            PointsHoldRefused.class,
            CouponExpired.class,
            MembershipActivated.class,
            MembershipRenewed.class,
            MembershipCancelled.class,
            MembershipLapsed.class,
            MembershipRefunded.class,
            MembershipBenefitUsed.class,
            RiskReviewOpened.class,
            RiskReviewDecided.class,
            AdminActionRecorded.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventTypes::nameOf, Function.identity()));

    private EventTypes() {}

    public static String nameOf(Class<?> eventClass) {
        return annotation(eventClass).value();
    }

    public static String topicOf(Class<?> eventClass) {
        return annotation(eventClass).topic();
    }

    public static String topicOf(String typeName) {
        return topicOf(
                classOf(typeName).orElseThrow(() -> new IllegalArgumentException("unknown event type " + typeName)));
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /** The record class of {@code typeName} if it is one of {@code kind}'s, e.g. a {@link BalanceChange}. */
    public static <T extends DomainEvent> Optional<Class<? extends T>> classOf(String typeName, Class<T> kind) {
        return classOf(typeName).filter(kind::isAssignableFrom).map(type -> type.asSubclass(kind));
    }

    public static List<Class<? extends DomainEvent>> all() {
        return ALL;
    }

    private static EventType annotation(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return type;
    }
}
