package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code reduce} on a numeric polynomial model loads only what it needs: no Symja (nor JAS, which Symja brings),
 * no JSBML, no XChart, no ODE integrator; Symja starts only when a drift calls a function, and then prints nothing
 * of its own. Each case runs the command line in a fresh JVM ({@link ClassLoadingRun}).
 */
class ReduceClassLoadingTest {

    /** Package prefixes that the reduce path of a numeric .ode/.net model must not load. */
    private static final List<String> FORBIDDEN = List.of(
            "org.matheclipse.", "edu.jas.", "org.sbml.jsbml.", "org.knowm.xchart.", "org.hipparchus.ode.");

    private static final List<String> SYMJA = List.of("org.matheclipse.");

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
        Path out = dir.resolve("reduced.ode");
        ClassLoadingRun r = ClassLoadingRun.of(dir, "reduce", model, "--method", method, "-o", out.toString());
        assertThat(r.code()).as("exit code; output:%n%s%s", r.out(), r.err()).isZero();
        assertThat(out).isNotEmptyFile();
        assertThat(r.loaded()).as("classes loaded").contains(ReduceCommand.class.getName(),
                "org.odelump.lumping.QuotientBuilder");
        assertThat(r.loadedFrom(FORBIDDEN)).as("classes from a forbidden package").isEmpty();
    }

    @Test
    void symjaStartsOnlyForAFunctionCallAndPrintsNothing() throws IOException, InterruptedException {
        // a power of a sum and a division by a constant are expanded natively
        Path powers = model("powers", "(x + y + 1)^6/4 - x", "x*(y - 2)");
        Path reduced = dir.resolve("powers-reduced.ode");
        ClassLoadingRun nat = ClassLoadingRun.of(dir, "reduce", powers.toString(), "--method", "be", "-o",
                reduced.toString());
        assertThat(nat.code()).as(nat.err()).isZero();
        assertThat(reduced).isNotEmptyFile();
        assertThat(nat.loaded()).contains("org.odelump.symbolic.Symbolic");
        assertThat(nat.loadedFrom(SYMJA)).as("Symja classes without a function call").isEmpty();

        Path exp = model("exp", "exp(1)*x - y", "x");
        ClassLoadingRun sym = ClassLoadingRun.of(dir, "reduce", exp.toString(), "--method", "fe");
        assertThat(sym.code()).as(sym.err()).isZero();
        assertThat(sym.loadedFrom(SYMJA)).as("Symja classes for exp(1)").isNotEmpty();
        // Symja's logging and console messages are silenced: the process prints what the command prints
        assertThat(sym.err()).isEmpty();
        CliRun same = CliRun.of("reduce", exp.toString(), "--method", "fe");
        assertThat(withoutTimes(sym.out())).isEqualTo(withoutTimes(same.out())).isNotEmpty();
    }

    private Path model(String name, String dx, String dy) throws IOException {
        Path f = dir.resolve(name + ".ode");
        Files.writeString(f, "begin model " + name + "\n begin init\n  x = 1\n  y = 2\n end init\n begin ODE\n"
                + "  d(x) = " + dx + "\n  d(y) = " + dy + "\n end ODE\nend model\n");
        return f;
    }

    private static List<String> withoutTimes(String out) {
        return out.lines().filter(l -> !l.strip().startsWith("time ")).toList();
    }
}
