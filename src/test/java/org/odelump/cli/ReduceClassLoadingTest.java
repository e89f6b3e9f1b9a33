package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code reduce} on a numeric polynomial model loads only what it needs: no Symja (nor JAS, which Symja brings),
 * no JSBML, no XChart, no ODE integrator. Each case runs the command line in a fresh {@code java} process with
 * the test class path and {@code -Xlog:class+load}, because inside the test JVM other tests load everything.
 */
class ReduceClassLoadingTest {

    /** Package prefixes that the reduce path of a numeric .ode/.net model must not load. */
    private static final List<String> FORBIDDEN = List.of(
            "org.matheclipse.", "edu.jas.", "org.sbml.jsbml.", "org.knowm.xchart.", "org.hipparchus.ode.");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        // brusselator's drifts are written with parentheses and so go through symbolic.Symbolic (natively)
        "ode-specs/brusselator.ode, be",
        "ode-specs/multisite3.ode, fe",
        "src/test/resources/io/features.net, be",
    })
    void reduceLoadsNoSymbolicSbmlPlottingOrIntegratorClasses(String model, String method)
            throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Path out = dir.resolve("reduced.ode");
        Path stdout = dir.resolve("stdout.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xlog:class+load=info:file=" + log, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "reduce", model, "--method", method,
                "-o", out.toString());
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
        if (!proc.waitFor(120, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            throw new AssertionError("reduce did not finish within 120 s");
        }
        assertThat(proc.exitValue()).as("exit code; output:%n%s", Files.readString(stdout)).isZero();
        assertThat(out).isNotEmptyFile();

        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // [0.123s][info][class,load] org.example.Name source: ...
            int at = line.indexOf("] ", line.indexOf("class,load"));
            if (at > 0) {
                String rest = line.substring(at + 2);
                int space = rest.indexOf(' ');
                loaded.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        assertThat(loaded).as("classes loaded").contains(ReduceCommand.class.getName(),
                "org.odelump.lumping.QuotientBuilder");
        assertThat(loaded).as("classes from a forbidden package")
                .noneMatch(c -> FORBIDDEN.stream().anyMatch(c::startsWith));
    }
}
