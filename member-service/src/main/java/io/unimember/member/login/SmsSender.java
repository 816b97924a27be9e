package io.unimember.member.login;

import io.unimember.member.members.PhoneNumber;

/** Delivers a login code to a phone. Production plugs in an SMS provider here. */
public interface SmsSender {

    void send(PhoneNumber phone, String code);
}
