package io.unimember.settlement.webhooks;

import io.unimember.testsupport.TestTokens;
import java.util.Locale;
import java.util.UUID;

/** Tokens of webhook owners: a BU of its own per test (so no other test's events reach it), or a merchant of one. */
final class Hooks {

    private Hooks() {}

    static String newBu() {
        return "BU"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    static String bu(String bu) {
        return TestTokens.builder()
                .subject("bu-" + bu.toLowerCase(Locale.ROOT))
                .claim("bu", bu)
                .scope("bu:orders bu:webhooks")
                .build();
    }

    static String merchant(String merchantId, String bu) {
        return TestTokens.builder()
                .subject(merchantId)
                .claim("merchant_id", merchantId)
                .claim("bu", bu)
                .scope("merchant:verify bu:webhooks")
                .build();
    }
}
