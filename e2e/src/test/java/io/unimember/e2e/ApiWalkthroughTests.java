package io.unimember.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md runs top to bottom, verbatim, against the platform, twice (fresh ids each time): the integrator's
 * walkthrough cannot rot. Needs bash, curl and jq, as the document says.
 */
class ApiWalkthroughTests {

    static PlatformUnderTest platform;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformUnderTest.shared();
    }

    @Test
    void theWalkthroughRunsToTheEndTwice() throws Exception {
        Path docs = Path.of(System.getProperty("basedir", "."), "..", "docs").normalize();
        for (int run = 1; run <= 2; run++) {
            ProcessBuilder builder = new ProcessBuilder(
                            "bash", docs.resolve("api-walkthrough.sh").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            new File(System.getProperty("basedir", "."), "target/api-walkthrough.log")))
                    .directory(docs.toFile());
            builder.environment().put("G", platform.gatewayUrl());
            Process walk = builder.start();
            walk.getOutputStream().close();
            assertThat(walk.waitFor(3, TimeUnit.MINUTES))
                    .as("run %d finishes", run)
                    .isTrue();
            assertThat(walk.exitValue())
                    .as("run %d of docs/api.md (target/api-walkthrough.log)", run)
                    .isZero();
        }
        assertThat(java.nio.file.Files.readString(
                        Path.of(System.getProperty("basedir", "."), "target/api-walkthrough.log"),
                        StandardCharsets.UTF_8))
                .contains("== docs/api.md ran to the end");
    }
}
