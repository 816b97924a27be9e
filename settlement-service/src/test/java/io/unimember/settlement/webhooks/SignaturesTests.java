package io.unimember.settlement.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignaturesTests {

    @Test
    void theHeaderIsTheHmacOfTimestampDotBodyAsAReceiverRecomputesIt() {
        // the known answer, computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac secret
        String header = Signatures.header("secret", 1_700_000_000L, "{}");

        assertThat(header)
                .isEqualTo("t=1700000000,v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
        assertThat(Signatures.verify("secret", header, "{}")).isTrue();
        assertThat(Signatures.verify("other", header, "{}")).isFalse();
        assertThat(Signatures.verify("secret", header, "{ }")).isFalse();
        assertThat(Signatures.verify("secret", "t=1700000001," + header.split(",")[1], "{}"))
                .isFalse();
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        WebhookProperties p = TargetGuardTests.properties(false);

        assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.backoffAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(p.backoffAfter(12)).isEqualTo(Duration.ofHours(1));
        assertThat(p.backoffAfter(500)).isEqualTo(Duration.ofHours(1));
    }
}
