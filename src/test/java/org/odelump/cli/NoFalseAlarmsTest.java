package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.testutil.SharedCorpus;

/** verify / reduce --verify: mixed tolerances, the BE prepartition decision, readable output. */
class NoFalseAlarmsTest {

    @TempDir
    Path dir;

    @Test
    void beWithUnequalInitialValuesIsRefusedNamingPrepartitionIc() {
        // multisite2's BE with no prepartition joins K (1) and F (2)
        CliRun r = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "be", "--verify", "--points", "10");
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("{K=1.0, F=2.0}").contains("--prepartition ic");

        CliRun ic = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "be", "-p", "ic", "--verify",
                "--points", "10");
        assertThat(ic.code()).as(ic.err()).isEqualTo(Main.EXIT_OK);
        assertThat(ic.out()).contains("ok (tolerance abs 1.0E-9 + rel 1.0E-6 x scale)");
    }

    @Test
    void verifyRefusesAReducedBeFileWhoseBlocksMixInitialValues() {
        Path out = dir.resolve("ms2_be.ode");
        assertThat(CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "be", "-o", out.toString()).code())
                .isZero();
        CliRun r = CliRun.of("verify", "ode-specs/multisite2.ode", out.toString(), "--no-files");
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("-p user,ic");
    }

    @Test
    void verifyPassesTinySpeciesAtDefaultsButNotWithoutTheAbsolutePart() throws Exception {
        Path orig = dir.resolve("tiny.ode");
        Files.writeString(orig, """
                begin model tiny
                 begin init
                  a = 1
                  tiny = 1e-100
                 end init
                 begin ODE
                  d(a) = -a
                  d(tiny) = 1e-100*a
                 end ODE
                end model
                """);
        Path red = dir.resolve("tiny_red.ode");
        Files.writeString(red, "// odelump-lumping: method=FE\n"
                + Files.readString(orig).replace("1e-100*a", "1.01e-100*a"));
        CliRun def = CliRun.of("verify", orig.toString(), red.toString(), "--no-files", "--t-end", "2");
        assertThat(def.code()).as(def.out() + def.err()).isEqualTo(Main.EXIT_OK);
        CliRun strict = CliRun.of("verify", orig.toString(), red.toString(), "--no-files", "--t-end", "2",
                "--abs-tolerance", "0");
        assertThat(strict.code()).isEqualTo(Main.EXIT_CHECK_FAILED);
        assertThat(strict.out()).contains("tiny").contains("NO");
        assertThat(CliRun.of("verify", orig.toString(), red.toString(), "--abs-tolerance", "-1").code())
                .isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(CliRun.of("verify", orig.toString(), red.toString(), "--abs-tolerance", "NaN").code())
                .isEqualTo(Main.EXIT_INVALID_INPUT);
    }

    @Test
    void erkModelFromRuleHubVerifiesAtDefaults() {
        Path erk = SharedCorpus.requireCorpus().resolve("RuleWorld_RuleHub/net/ERK_model.net");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(erk), "ERK_model.net is not in the corpus");
        CliRun r = CliRun.of("reduce", erk.toString(), "--method", "fe", "--verify", "--points", "50");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.EXIT_OK);
        // the species near 1e-100 (s34 at 8.6e-104) have relative errors above 1e-6 and pass by the absolute part
        String result = r.out().lines().filter(l -> l.contains("max relative error")).findFirst().orElseThrow();
        double maxRel = Double.parseDouble(result.replaceAll(".*max relative error ([^,]+),.*", "$1"));
        assertThat(maxRel).isGreaterThan(1e-6);
        assertThat(result).contains("ok (tolerance");
    }

    @Test
    void plotPanelsAreTheLargestErrorsNotTheLargestBlocks() {
        Path out = dir.resolve("erk.ode");
        Path erk = SharedCorpus.requireCorpus().resolve("RuleWorld_RuleHub/net/ERK_model.net");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(erk), "ERK_model.net is not in the corpus");
        CliRun r = CliRun.of("reduce", erk.toString(), "--method", "fe", "--verify", "--points", "20",
                "--verify-abs-tolerance", "0", "-o", out.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_CHECK_FAILED);
        // first table row: the variable furthest beyond its tolerance, not the 4-species block
        String firstRow = r.out().lines().dropWhile(l -> !l.contains("within tolerance")).skip(1).findFirst()
                .orElseThrow();
        assertThat(firstRow).contains("NO").doesNotContain("  4 ");
        assertThat(dir.resolve("erk.verify.png")).exists();
    }

    @Test
    void erbb2AndRepressilatorFromTheCorpusAreRefusedWithoutIcAndVerifyWithIt() {
        Path corpus = SharedCorpus.requireCorpus();
        for (String name : new String[] {"IMTAltiStudiLucca_ERODE4.18/ERBB2.ode",
                "RuleWorld_bionetgen/net/Repressilator.net"}) {
            Path f = corpus.resolve(name);
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(f), name + " is not in the corpus");
            CliRun none = CliRun.of("reduce", f.toString(), "--method", "be", "--verify", "--points", "20");
            assertThat(none.code()).as(name).isEqualTo(Main.EXIT_INVALID_INPUT);
            assertThat(none.err()).as(name).contains("Reduce with --prepartition ic");
            CliRun ic = CliRun.of("reduce", f.toString(), "--method", "be", "-p", "ic", "--verify", "--points", "20");
            assertThat(ic.code()).as(name + ": " + ic.out() + ic.err()).isEqualTo(Main.EXIT_OK);
        }
    }
}
