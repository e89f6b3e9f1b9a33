package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --quiet and --json on every command, and warnings summarised after the first ten. */
class QuietJsonTest {

    @TempDir
    Path dir;

    /** A valid model with 12 unknown commands, so 12 warnings. */
    private Path noisy() throws Exception {
        StringBuilder sb = new StringBuilder("begin model noisy\n begin init\n  x = 1\n  y = 1\n end init\n"
                + " begin ODE\n  d(x) = -x\n  d(y) = -y\n end ODE\n");
        for (int i = 0; i < 12; i++) {
            sb.append(" frobnicate").append(i).append("(level=").append(i).append(")\n");
        }
        Path f = dir.resolve("noisy.ode");
        Files.writeString(f, sb.append("end model\n").toString());
        return f;
    }

    @Test
    void everyCommandHasQuietAndJson() {
        CommandLine cl = new CommandLine(new Main());
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandName().equals("help")) {
                continue;
            }
            assertThat(sub.getCommandSpec().findOption("--quiet")).as(sub.getCommandName()).isNotNull();
            assertThat(sub.getCommandSpec().findOption("--json")).as(sub.getCommandName()).isNotNull();
        }
    }

    @Test
    void warningsAfterTheFirstTenAreCountedAndSummarised() throws Exception {
        Path f = noisy();
        CliRun r = CliRun.of("reduce", f.toString(), "--method", "fe");
        assertThat(r.code()).isZero();
        assertThat(r.err().lines().filter(l -> l.startsWith("warning: "))).hasSize(10);
        assertThat(r.err()).contains("odelump: 12 warnings in all, the first 10 shown (--json lists them all)")
                .contains("frobnicate9").doesNotContain("frobnicate10");

        CliRun check = CliRun.of("check", f.toString());
        // 12 from the parser (unknown commands) and 12 from what run would do with them
        assertThat(check.out()).contains("24 warnings:").contains("... and 14 more (--json lists them all)");
        assertThat(check.out().lines().filter(l -> l.startsWith("  /") && l.contains("noisy.ode:"))).hasSize(10);
    }

    @Test
    void quietPrintsOnlyTheWarningCountAndErrors() throws Exception {
        Path f = noisy();
        Path out = dir.resolve("r.ode");
        CliRun r = CliRun.of("reduce", f.toString(), "--method", "fe", "--quiet", "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("odelump: 12 warnings (not shown with --quiet; --json lists them)");
        assertThat(out).exists();
        CliRun bad = CliRun.of("reduce", "nosuch.ode", "--method", "fe", "-q");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains("no such file");
    }

    @Test
    void jsonIsTheMachineReadableFormOfWhatIsPrinted() throws Exception {
        Path f = noisy();
        ObjectMapper json = new ObjectMapper();
        CliRun r = CliRun.of("reduce", f.toString(), "--method", "fe", "--json");
        assertThat(r.code()).isZero();
        JsonNode n = json.readTree(r.out());
        assertThat(n.get("command").asText()).isEqualTo("reduce");
        assertThat(n.get("exitCode").asInt()).isZero();
        assertThat(n.get("warningCount").asInt()).isEqualTo(12);
        assertThat(n.get("warnings")).hasSize(12);
        assertThat(n.get("reduction").get("variablesAfter").asInt()).isEqualTo(1);
        assertThat(n.get("output").get(0).asText()).contains("FE reduction of model 'noisy'");
        assertThat(r.err()).isEmpty();

        Path red = dir.resolve("ms2.ode");
        assertThat(CliRun.of("reduce", "ode-specs/multisite2.ode", "-m", "fe", "-p", "user", "-o", red.toString(),
                "-q").code()).isZero();
        JsonNode v = json.readTree(CliRun.of("verify", "ode-specs/multisite2.ode", red.toString(), "--no-files",
                "--points", "10", "--json").out());
        assertThat(v.get("verification").get("passed").asBoolean()).isTrue();
        assertThat(v.get("verification").get("variables")).hasSize(5);

        JsonNode s = json.readTree(CliRun.of("simulate", "ode-specs/multisite2.ode", "--json", "--t-end", "1")
                .out());
        assertThat(s.get("simulation").get("final").get("S00").asDouble()).isBetween(0.0, 100.0);

        JsonNode c = json.readTree(CliRun.of("check", f.toString(), "--json").out());
        assertThat(c.get("model").get("variables").asInt()).isEqualTo(2);
        assertThat(c.get("warnings")).hasSize(24);

        CliRun failed = CliRun.of("reduce", "nosuch.ode", "--method", "fe", "--json");
        JsonNode e = json.readTree(failed.out());
        assertThat(e.get("exitCode").asInt()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(e.get("errors").get(0).asText()).contains("no such file");

        assertThat(CliRun.of("check", f.toString(), "--json", "--quiet").code()).isEqualTo(Main.EXIT_INVALID_INPUT);
    }
}
