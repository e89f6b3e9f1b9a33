package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.BackwardEquivalence;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Tolerance;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

class ApproximateCliTest {

    @TempDir
    Path dir;

    @Test
    void exactReductionVerifiesAndWritesCsvAndPlot() throws IOException {
        Path red = dir.resolve("ms2_fe.ode");
        assertThat(CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "fe", "-p", "user", "-o", red.toString())
                .code()).isZero();
        String text = Files.readString(red);
        assertThat(text).contains("// odelump-lumping: method=FE initial=USER tolerance=1.0E-12\n"
                + "// odelump-block: S01 = S01 + S10\n");
        CliRun v = CliRun.of("verify", "ode-specs/multisite2.ode", red.toString(), "--points", "40");
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("FE lumping, 6 -> 5 variables")
                .contains("ok (tolerance abs 1.0E-9 + rel 1.0E-6 x scale)");
        List<String> csv = Files.readAllLines(dir.resolve("ms2_fe.verify.csv"));
        assertThat(csv).hasSize(42);
        assertThat(csv.get(0)).startsWith("t,original:K,reduced:K,");
        byte[] png = Files.readAllBytes(dir.resolve("ms2_fe.verify.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void wrongLumpingFailsWithExitCode3() throws IOException {
        // S00 and S11 behave differently; claim they are one block of a forward lumping
        Path red = dir.resolve("wrong.ode");
        Files.writeString(red, """
                // odelump-lumping: method=FE
                // odelump-block: S00 = S00 + S11
                // odelump-block: S01 = S01 + S10
                begin model wrong
                 begin init
                  K = 1
                  F = 2
                  S00 = 100
                  S01
                 end init
                 begin ODE
                  d(K) = 0
                  d(F) = 0
                  d(S00) = -K*S00 + 0.2*F*S01
                  d(S01) = K*S00 - 0.2*F*S01
                 end ODE
                end model
                """);
        CliRun v = CliRun.of("verify", "ode-specs/multisite2.ode", red.toString(), "--no-files");
        assertThat(v.code()).isEqualTo(Main.EXIT_CHECK_FAILED);
        assertThat(v.err()).contains("the reduced model deviates from the original: max relative error");
        // an ε-FE with a huge ε lumps everything: the direct quotient is wrong too, and reduce --verify says so
        // (an ε-BE would lump x1 = 1 with x2 = 0, which --verify refuses with exit code 2: see NoFalseAlarmsTest)
        CliRun r = CliRun.of("reduce", "ode-specs/linear_chain.ode", "--method", "efe", "--epsilon", "100", "--verify",
                "--t-end", "2");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.EXIT_CHECK_FAILED);
        assertThat(r.out()).contains("quotient   direct");
    }

    @Test
    void missingHeaderIsAClearUsageError() throws IOException {
        Path red = dir.resolve("plain.ode");
        Files.copy(Path.of("ode-specs/lotka_volterra.ode"), red);
        CliRun v = CliRun.of("verify", "ode-specs/lotka_volterra.ode", red.toString());
        assertThat(v.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(v.err()).contains(red + ": no '// odelump-lumping: method=FE|BE' line");
    }

    @Test
    void nearestExactByParametersMakesThePartitionExact() throws IOException {
        Path red = dir.resolve("near.ode");
        CliRun r = CliRun.of("reduce", "ode-specs/circuit_hub_tolerances.ode", "--method", "ebe", "-p", "ic", "--epsilon",
                "0.3", "--perturb", "all", "-o", red.toString(), "--verify", "--verify-tolerance", "0.2");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("nearest    exact model by perturbing Ch,gh,C1").contains("self-check")
                .contains(": ok");
        assertThat(Files.readString(red)).contains("// odelump-block: v1 = v1 + v2")
                .contains("// Method: BE quotient of an epsilon-BE partition (common block values)")
                .contains("odelump-approximation: epsilon=0.3 epsilon-mode=abs grouping=components");
        // the reduced file is the exact BE quotient of a model on which {v1,v2},{v3,v4} is an exact BE
        OdeSystem reduced = OdeParser.parse(red).system();
        assertThat(reduced.dimension()).isEqualTo(3);
        CliRun c = CliRun.of("reduce", "ode-specs/circuit_hub_tolerances.ode", "--method", "ebe", "-p", "ic", "--epsilon",
                "0.3", "--nearest-exact");
        assertThat(c.code()).as(c.out() + c.err()).isZero();
        assertThat(c.out()).contains("nearest    exact model by perturbing coefficients");
    }

    @Test
    void epsilonZeroThroughTheCliEqualsExact() {
        CliRun a = CliRun.of("reduce", "ode-specs/multisite3.ode", "--method", "ebe", "-p", "user");
        CliRun b = CliRun.of("reduce", "ode-specs/multisite3.ode", "--method", "be", "-p", "user");
        assertThat(a.code()).isZero();
        String blocksA = a.out().substring(a.out().indexOf("blocks"), a.out().indexOf("  time"));
        String blocksB = b.out().substring(b.out().indexOf("blocks"), b.out().indexOf("  time"));
        assertThat(blocksA).isEqualTo(blocksB);
        CliRun bad = CliRun.of("reduce", "ode-specs/multisite3.ode", "--method", "be", "--epsilon", "0.1");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(bad.err()).contains("need --method efe or ebe");
    }

    @Test
    void sweepWritesTableAndPlot() throws IOException {
        Path csv = dir.resolve("s.csv");
        Path png = dir.resolve("s.png");
        CliRun s = CliRun.of("sweep", "ode-specs/circuit_hub_tolerances.ode", "--method", "ebe", "-p", "ic",
                "--epsilon", "0,0.01", "--epsilon-range", "0.05:0.5:3", "--t-end", "5", "--points", "20",
                "--csv", csv.toString(), "--plot", png.toString());
        assertThat(s.code()).as(s.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("epsilon,blocks,max_rel_error,max_abs_error,failure,seconds");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1)).startsWith("0.0,5,0.0,0.0,,");
        assertThat(lines.get(5)).startsWith("0.5,3,");
        assertThat(s.err()).contains("sweep 5/5: epsilon=0.5 blocks=3");
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P');
        // the nearest exact models are closer to the original than the direct quotients
        CliRun near = CliRun.of("sweep", "ode-specs/circuit_hub_tolerances.ode", "--method", "ebe", "-p", "ic",
                "--epsilon", "0.5", "--nearest-exact", "--t-end", "5", "--points", "20", "--csv",
                dir.resolve("n.csv").toString(), "--plot", png.toString());
        assertThat(near.code()).isZero();
        double direct = Double.parseDouble(lines.get(5).split(",")[2]);
        double nearest = Double.parseDouble(Files.readAllLines(dir.resolve("n.csv")).get(1).split(",")[2]);
        assertThat(nearest).isGreaterThan(0).isLessThan(direct);
        CliRun bad = CliRun.of("sweep", "ode-specs/circuit_hub_tolerances.ode", "--method", "ebe", "--epsilon-range", "1:0:3");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
    }

    @Test
    void helpOfNewCommandsHasExamples() {
        for (String cmd : List.of("verify", "sweep", "reduce")) {
            CliRun h = CliRun.of(cmd, "--help");
            assertThat(h.code()).isZero();
            assertThat(h.out()).contains("Examples:").contains("odelump " + cmd);
        }
    }

    @Test
    void toleranceVariantHasNoExactBackwardLumping() {
        OdeSystem s = OdeParser.parse(Path.of("ode-specs/circuit_hub_tolerances.ode")).system();
        Partition h0 = Prepartition.IC.initialPartition(s);
        assertThat(new BackwardEquivalence(s, h0, Tolerance.DEFAULT).compute().size()).isEqualTo(5);
    }
}
