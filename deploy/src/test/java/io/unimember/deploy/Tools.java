package io.unimember.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an installed command line tool (docker, kubectl) when it is there; tests skip when it is not. */
final class Tools {

    record Result(int exitCode, String output) {}

    private Tools() {}

    static void assumeRuns(String... command) {
        Result result;
        try {
            result = run(command);
        } catch (IOException e) {
            result = new Result(-1, e.toString());
        }
        var outcome = result;
        assumeTrue(outcome.exitCode() == 0, () -> String.join(" ", command) + " is not available: " + outcome.output());
    }

    static Result run(String... command) throws IOException {
        var process = new ProcessBuilder(List.of(command))
                .directory(DeployFiles.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        try {
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(-1, "interrupted");
        }
    }
}
