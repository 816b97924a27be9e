package io.unimember.member;

import io.unimember.member.login.SmsSender;
import io.unimember.member.members.PhoneNumber;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for the SMS provider in tests: remembers the last code sent to each phone. */
public class CapturingSmsSender implements SmsSender {

    private final Map<String, String> lastCode = new ConcurrentHashMap<>();

    @Override
    public void send(PhoneNumber phone, String code) {
        lastCode.put(phone.e164(), code);
    }

    public String lastCodeFor(String phone) {
        String e164 = PhoneNumber.parse(phone).orElseThrow().e164();
        String code = lastCode.get(e164);
        if (code == null) {
            throw new IllegalStateException("no code was sent to " + phone);
        }
        return code;
    }
}
