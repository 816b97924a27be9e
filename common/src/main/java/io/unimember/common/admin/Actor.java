package io.unimember.common.admin;

import org.jspecify.annotations.Nullable;

/**
 * Who made an admin call: an operator (a person, with a role; a BU admin with their BU) or, in the demo profile, the
 * shared {@code admin} client.
 *
 * @param id the operator id or the client id
 * @param kind {@code OPERATOR} or {@code CLIENT}
 */
public record Actor(String id, String kind, Role role, @Nullable String bu) {

    /** Whether this actor may act on {@code bu}'s things: anyone but a BU admin of another BU. */
    public boolean mayManage(String bu) {
        return role != Role.BU_ADMIN || bu.equals(this.bu);
    }
}
