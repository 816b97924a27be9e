package io.unimember.points.members;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link KnownMembers} remembers.
 *
 * @param remembered how many known member ids are kept in memory (about 100 bytes each), so a member's next order
 *     is checked without a read; past it the memory starts over, it only saves reads
 */
@ConfigurationProperties("unimember.points.known-members")
record KnownMemberProperties(@DefaultValue("50000") int remembered) {}
