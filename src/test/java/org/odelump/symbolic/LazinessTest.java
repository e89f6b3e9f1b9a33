package org.odelump.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Symja must start only when an expansion needs it. Inside the test JVM other tests may already have started it,
 * so the check runs {@link LazinessProbe} in a fresh {@code java} process with the test class path.
 */
class LazinessTest {

    @Test
    void symjaStartsOnFirstExpansionOnlyAndStaysQuiet() throws IOException, InterruptedException {
        Path out = Files.createTempFile("odelump-laziness", ".out");
        Path err = Files.createTempFile("odelump-laziness", ".err");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"),
                    LazinessProbe.class.getName());
            Process proc = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!proc.waitFor(120, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new AssertionError("probe did not finish within 120 s");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(proc.exitValue()).as("exit code; stderr:%n%s", stderr).isZero();
            Map<String, String> kv = parse(stdout);

            assertThat(kv.get("before")).isEqualTo("false");
            assertThat(kv.get("native")).isEqualTo("2*x - y^2 | -2*y");
            assertThat(kv.get("afterNative")).isEqualTo("false startupKnown=false");
            assertThat(kv.get("afterNativeExpand")).isEqualTo("false"); // function-free: no Symja needed
            assertThat(kv.get("after")).isEqualTo("true e=" + Math.E + "*x");
            assertThat(kv.get("terms")).isEqualTo("84 same=true"); // C(6+3, 3) monomials of degree <= 6 in 3 vars
            assertThat(Long.parseLong(kv.get("startupMs"))).isPositive();
            assertThat(kv.get("divisionByZero")).isEqualTo("rejected");
            // nothing but the probe's own lines: Symja's logging and console messages are silenced
            assertThat(stdout.lines()).allMatch(l -> l.matches("[A-Za-z0-9]+=.*"));
            assertThat(stderr).isEmpty();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Map<String, String> parse(String stdout) {
        Map<String, String> kv = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(stdout.lines().toList());
        for (String l : lines) {
            int eq = l.indexOf('=');
            if (eq > 0) {
                kv.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return kv;
    }
}
