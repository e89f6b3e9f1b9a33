package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        CommandLine cl = Main.commandLine();
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

    @Test
    void optionErrorsBecomeTheJsonDocumentWithExitCode2() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CliRun bad = CliRun.of("--json", "reduce", "ode-specs/multisite2.ode", "--method", "fe", "--epsilon", "abc");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        JsonNode b = json.readTree(bad.out());
        assertThat(b.get("command").asText()).isEqualTo("reduce");
        assertThat(b.get("exitCode").asInt()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(b.get("errors").get(0).asText())
                .isEqualTo("odelump: Invalid value for option '--epsilon': expected a finite number >= 0, got 'abc'");

        CliRun unknown = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "fe", "--metod", "--json");
        JsonNode u = json.readTree(unknown.out());
        assertThat(u.get("exitCode").asInt()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(u.get("errors").toString()).contains("Unknown option: '--metod'").contains("--method");

        CliRun command = CliRun.of("--json", "reduse", "m.ode");
        JsonNode c = json.readTree(command.out());
        assertThat(c.get("command").asText()).isEqualTo("odelump");
        assertThat(c.get("errors").toString()).contains("Did you mean: odelump reduce");

        // without --json the same errors stay plain text on the error stream
        CliRun plain = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "fe", "--epsilon", "abc");
        assertThat(plain.out()).isEmpty();
        assertThat(plain.err()).startsWith("odelump: Invalid value for option '--epsilon'");
    }

    @Test
    void notesAreNeitherWarningsNorErrors() throws Exception {
        Path xml = dir.resolve("m.xml");
        CliRun r = CliRun.of("print", "ode-specs/multisite2.ode", "--format", "sbml", "-o", xml.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("notes").get(0).asText())
                .isEqualTo("the partition (3 blocks) is not written: SBML has no partitions");
        assertThat(n.get("errors")).isEmpty();
        assertThat(n.get("warnings")).isEmpty();
        assertThat(r.err()).isEmpty();

        CliRun quiet = CliRun.of("print", "ode-specs/multisite2.ode", "--format", "sbml", "-o", xml.toString(), "-q");
        assertThat(quiet.code()).isZero();
        assertThat(quiet.err()).isEmpty();
    }

    /** Commands that exist to print something on standard output when no {@code -o} is given. */
    private static final Set<String> DOCUMENTS = Set.of("print", "encode", "predict");

    private static final String NET = "models/demo_tanh_2x16.json";

    /** What a subcommand's structured JSON result is called, and tiny arguments that make it succeed. */
    private record Invocation(String result, List<String> args) {
        static Invocation of(String result, String... args) {
            return new Invocation(result, List.of(args));
        }
    }

    /**
     * One fast, successful invocation of every subcommand, writing its files under {@code out}. A subcommand
     * missing here fails {@link #everySubcommandPrintsOneJsonObjectWithItsResults}, so new ones are covered.
     */
    private Map<String, Invocation> invocations(Path out) throws Exception {
        Files.createDirectories(out);
        Path reduced = dir.resolve("ms2-user.ode");
        if (!Files.exists(reduced)) {
            assertThat(CliRun.of("reduce", "ode-specs/multisite2.ode", "-m", "fe", "-p", "user", "-o",
                    reduced.toString(), "-q").code()).isZero();
        }
        Path commands = out.resolve("commands.ode");
        Files.writeString(commands, "begin model c\n begin init\n  x = 1\n  y = 1\n end init\n begin ODE\n"
                + "  d(x) = -x\n  d(y) = -y\n end ODE\n reduceFE(reducedFile=\"fe.ode\")\nend model\n");
        return Map.ofEntries(
                Map.entry("check", Invocation.of("model", "ode-specs/multisite2.ode")),
                Map.entry("print", Invocation.of("model", "ode-specs/multisite2.ode")),
                Map.entry("reduce", Invocation.of("reduction", "ode-specs/multisite2.ode", "-m", "fe", "-o",
                        out.resolve("r.ode").toString())),
                Map.entry("simulate", Invocation.of("simulation", "ode-specs/multisite2.ode", "--t-end", "1",
                        "--points", "10")),
                Map.entry("run", Invocation.of("steps", commands.toString())),
                Map.entry("verify", Invocation.of("verification", "ode-specs/multisite2.ode", reduced.toString(),
                        "--no-files", "--points", "10")),
                Map.entry("sweep", Invocation.of("sweep", "ode-specs/multisite2.ode", "-m", "ebe", "--epsilon",
                        "0.01,0.1", "--t-end", "1", "--points", "10", "--csv", out.resolve("s.csv").toString(),
                        "--plot", out.resolve("s.png").toString())),
                Map.entry("encode", Invocation.of("encoding", NET)),
                Map.entry("convert", Invocation.of("conversion", NET, "-o", out.resolve("n.onnx").toString())),
                Map.entry("predict", Invocation.of("prediction", NET, "--data", "models/demo_tanh_2x16.test.csv")),
                Map.entry("compress", Invocation.of("compression", NET, "--data", "models/demo_tanh_2x16.train.csv",
                        "--target", "y", "--test", "models/demo_tanh_2x16.test.csv", "--method", "magnitude",
                        "--params", "300", "--plot", "-o", out.resolve("c").toString())),
                Map.entry("dataset", Invocation.of("dataset", "rn", "--rows", "40", "-o",
                        out.resolve("rn.csv").toString())),
                Map.entry("experiment", Invocation.of("experiment", "--datasets", "rn", "--seeds", "1",
                        "--architectures", "5x4", "--epochs", "2", "--rows", "60", "--levels", "0.5",
                        "--curve-levels", "0.3", "--calibration", "20", "-o", out.resolve("e").toString())),
                Map.entry("bench", Invocation.of("bench", "--cases", "parse", "--parse-variables", "5",
                        "--parse-terms", "10", "--repeat", "1", "-o", out.resolve("b").toString())));
    }

    private static List<String> subcommands() {
        List<String> names = new ArrayList<>();
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            if (!name.equals("help")) {
                names.add(name);
            }
        }
        return names;
    }

    private static CliRun run(Invocation inv, String command, String mode) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(inv.args());
        args.add(mode);
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void everySubcommandPrintsOneJsonObjectWithItsResults() throws Exception {
        Path out = dir.resolve("json");
        Map<String, Invocation> invocations = invocations(out);
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        Map<String, JsonNode> results = new HashMap<>();
        for (String command : subcommands()) {
            assertThat(invocations).as("tiny arguments for '" + command + "' in this test").containsKey(command);
            Invocation inv = invocations.get(command);
            CliRun r = run(inv, command, "--json");
            assertThat(r.code()).as(command + ": " + r.out() + r.err()).isZero();
            // no progress lines or bars either: the error stream stays empty on success
            assertThat(r.err()).as(command).isEmpty();
            JsonNode n = strict.readTree(r.out());
            assertThat(n.isObject()).as(command).isTrue();
            assertThat(n.get("command").asText()).isEqualTo(command);
            assertThat(n.get("exitCode").asInt()).isZero();
            assertThat(n.get("errors")).as(command).isEmpty();
            JsonNode result = n.get(inv.result());
            assertThat(result).as(command + " result '" + inv.result() + "'").isNotNull();
            assertThat(result.isObject() || result.isArray()).as(command).isTrue();
            assertThat(result.size()).as(command).isPositive();
            results.put(command, n);
        }
        jsonResultsCarryWhatEachCommandComputed(results, out);
    }

    /** Spot checks of the results against the files the commands wrote and against each other. */
    private static void jsonResultsCarryWhatEachCommandComputed(Map<String, JsonNode> results, Path out)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode compress = results.get("compress");
        // the report written to report.json, not a second one
        assertThat(compress.get("compression")).isEqualTo(json.readTree(out.resolve("c/report.json").toFile()));
        JsonNode bench = results.get("bench");
        assertThat(bench.get("bench")).isEqualTo(json.readTree(out.resolve("b/bench.json").toFile()));

        JsonNode print = results.get("print");
        JsonNode check = results.get("check");
        assertThat(print.get("model").get("variables").asInt()).isEqualTo(check.get("model").get("variables")
                .asInt()).isPositive();
        JsonNode predict = results.get("predict");
        long testRows = Files.readAllLines(Path.of("models/demo_tanh_2x16.test.csv")).stream()
                .filter(l -> !l.isBlank()).count() - 1;
        assertThat(predict.get("prediction").get("rows")).hasSize((int) testRows);
        JsonNode sweep = results.get("sweep");
        assertThat(sweep.get("sweep").get("rows")).hasSize(2);
        assertThat(sweep.get("sweep").get("rows").get(1).get("epsilon").asDouble()).isEqualTo(0.1);
        JsonNode experiment = results.get("experiment");
        assertThat(experiment.get("experiment").get("runs").asInt()).isEqualTo(1);
        assertThat(experiment.get("experiment").get("rows").get(0).get("dataset").asText()).isEqualTo("rn");
        JsonNode dataset = results.get("dataset");
        assertThat(dataset.get("dataset").get("rows").asInt()).isEqualTo(40);
    }

    @Test
    void quietPrintsOnlyWhatACommandExistsToPrint() throws Exception {
        Map<String, Invocation> invocations = invocations(dir.resolve("quiet"));
        for (String command : subcommands()) {
            Invocation inv = invocations.get(command);
            assertThat(inv).as("tiny arguments for '" + command + "' in this test").isNotNull();
            CliRun r = run(inv, command, "--quiet");
            assertThat(r.code()).as(command + ": " + r.err()).isZero();
            // no progress either (sweep, compress --plot, experiment and bench report it otherwise)
            assertThat(r.err()).as(command).isEmpty();
            if (DOCUMENTS.contains(command)) {
                CliRun normal = run(inv, command, "--verbose");
                assertThat(r.out()).as(command).isNotEmpty().isEqualTo(normal.out());
            } else {
                assertThat(r.out()).as(command).isEmpty();
            }
        }
    }
}
