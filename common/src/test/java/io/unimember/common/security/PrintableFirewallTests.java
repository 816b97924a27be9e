package io.unimember.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class PrintableFirewallTests {

    /** The expressions Spring Security's StrictHttpFirewall uses by default. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void decidesAsSpringSecuritysExpressionsOnEveryKindOfCharacter() {
        Random random = new Random(42);
        int rejected = 0;
        for (int n = 0; n < 50_000; n++) {
            String s = randomText(random);
            boolean name = NAMES.matcher(s).matches();
            boolean value = VALUES.matcher(s).matches();
            assertThat(PrintableFirewall.assignedAndNotControl(s))
                    .as("name %s", escape(s))
                    .isEqualTo(name);
            assertThat(PrintableFirewall.headerValue(s))
                    .as("value %s", escape(s))
                    .isEqualTo(value);
            rejected += value ? 0 : 1;
        }
        // the sample must hold both outcomes, or the comparison proves nothing
        assertThat(rejected).isBetween(1_000, 49_000);
    }

    @Test
    void refusesControlCharactersInHeadersAndAllowsTabsOnlyInValues() {
        var firewall = PrintableFirewall.create();
        var request = new MockHttpServletRequest("GET", "/api/v1/members/me/entitlements");
        request.addHeader("X-Ok", "a\tb 黄金");
        var checked = firewall.getFirewalledRequest(request);
        assertThat(checked.getHeader("X-Ok")).isEqualTo("a\tb 黄金");

        var bad = new MockHttpServletRequest("GET", "/api/v1/members/me/entitlements");
        bad.addHeader("X-Bad", "evil\u0000");
        assertThatThrownBy(() -> firewall.getFirewalledRequest(bad).getHeader("X-Bad"))
                .isInstanceOf(RequestRejectedException.class);

        var badName = new MockHttpServletRequest("GET", "/api/v1/members/me/entitlements");
        badName.addHeader("X-\tTab", "v");
        assertThatThrownBy(() ->
                        firewall.getFirewalledRequest(badName).getHeaderNames().nextElement())
                .isInstanceOf(RequestRejectedException.class);
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                s.append((char) (0x20 + random.nextInt(0x5f))); // printable ASCII
            } else if (kind == 5) {
                s.append((char) random.nextInt(0x20)); // C0 controls, tab among them
            } else if (kind == 6) {
                s.append((char) (0x7f + random.nextInt(0x21))); // DEL and C1 controls
            } else if (kind == 7) {
                s.append((char) (0xd800 + random.nextInt(0x800))); // lone surrogates
            } else {
                s.appendCodePoint(random.nextInt(0x110000)); // anything, unassigned included
            }
        }
        return s.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(String.format("\\u%04x", cp)));
        return out.toString();
    }
}
