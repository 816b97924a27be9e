package io.unimember.common.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the inbox remembers an applied event.
 *
 * @param retention an event applied longer ago than this is forgotten: longer than the topics keep their records
 *     (7 days), so that no redelivery, replay of a dead letter or reset of a group's offsets can bring back an event
 *     the inbox no longer knows
 * @param pruneEvery how often the forgotten events are deleted
 * @param pruneBatch rows one delete removes at the most, so that a prune never holds locks long
 */
@ConfigurationProperties("unimember.inbox")
public record InboxProperties(
        @DefaultValue("8d") Duration retention,
        @DefaultValue("PT10M") Duration pruneEvery,
        @DefaultValue("5000") int pruneBatch) {}
