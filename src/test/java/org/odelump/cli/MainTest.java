package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.odelump.dsl.OdeParser;
import org.odelump.model.OdeSystem;

/** The command line as a user runs it: output, files written and exit codes. */
class MainTest {

    @TempDir
    Path tmp;

    @Test
    void withoutArgumentsReducesTheEmbeddedExampleAndChecksIt() {
        CliRun r = CliRun.of();
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("FE reduction of model 'two_site_phosphorylation'")
                .contains("BE reduction of model 'two_site_phosphorylation'")
                .contains("{S10, S01}")
                .contains("variables  14 -> 9")
                .doesNotContain("FAILED").doesNotContain("DIFFER")
                .contains("begin model two_site_phosphorylation_fe");
    }

    @Test
    void aCommandLineNamingASubcommandBuildsOnlyThatOne() {
        assertThat(Main.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(Main.COMMANDS);
        Main.commandLine().getSubcommands().forEach((name, sub) ->
                assertThat(sub.getCommandSpec().name()).as("annotation name").isEqualTo(name));
        assertThat(Main.commandLine("reduce", "m.ode", "--json").getSubcommands().keySet())
                .containsExactly("reduce");
        assertThat(Main.commandLine("--json", "--verbose", "-q", "check", "m.ode").getSubcommands().keySet())
                .containsExactly("check");
        // help, root options and anything that is not a command name get every command (lists, suggestions)
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "reduce"}, {"reduse", "m.ode"},
                {"-h", "reduce"}, {"--bogus", "reduce"}, {"--", "reduce"}, {"@args.txt"}}) {
            assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(Main.COMMANDS);
        }
        // the subcommand still inherits the root's options and the help width
        picocli.CommandLine reduce = Main.commandLine("reduce").getSubcommands().get("reduce");
        assertThat(reduce.getCommandSpec().findOption("--json")).isNotNull();
        assertThat(reduce.getCommandSpec().findOption("--verbose")).isNotNull();
        assertThat(reduce.getUsageHelpWidth()).isEqualTo(Main.HELP_WIDTH);
    }

    @Test
    void everyCommandClassIsRegistered() throws Exception {
        // subcommands are registered in Main.COMMANDS, not in an annotation: a command class left out would be
        // silently unreachable, so every @Command class under org.odelump.cli must be named there
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path cli = classes.resolve("org/odelump/cli");
        assertThat(cli).isDirectory();
        List<String> names = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(cli)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace(java.io.File.separatorChar, '.');
                Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        Main.class.getClassLoader());
                picocli.CommandLine.Command a = c.getAnnotation(picocli.CommandLine.Command.class);
                if (a != null && c != Main.class) {
                    names.add(a.name());
                }
            }
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(10);
        assertThat(Main.COMMANDS).containsAll(names);
    }

    @Test
    void aMisspeltCommandIsStillSuggested() {
        CliRun r = CliRun.of("reduse", "m.ode");
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("Did you mean").contains("reduce");
    }

    @Test
    void everyHelpKeepsItsDescriptionAndFooterLinesWhole() {
        picocli.CommandLine root = Main.commandLine();
        List<picocli.CommandLine> commands = new java.util.ArrayList<>(root.getSubcommands().values());
        commands.add(root);
        for (picocli.CommandLine c : commands) {
            String name = c.getCommandSpec().name();
            if (name.equals("help")) {
                continue;
            }
            CliRun r = name.equals("odelump") ? CliRun.of("--help") : CliRun.of(name, "--help");
            assertThat(r.code()).as(name).isZero();
            List<String> lines = r.out().lines().toList();
            java.util.List<String> written = new java.util.ArrayList<>(List.of(c.getCommandSpec().usageMessage()
                    .description()));
            written.addAll(List.of(c.getCommandSpec().usageMessage().footer()));
            for (String w : written) {
                if (!w.isBlank()) {
                    assertThat(lines).as(name + " --help").contains(w);
                }
            }
            assertThat(lines).as(name).allMatch(l -> l.length() <= Main.HELP_WIDTH);
        }
    }

    @Test
    void theEmbeddedExampleIsValidDsl() throws IOException {
        OdeSystem m = OdeParser.parse("example", DemoCommand.exampleText()).system();
        assertThat(m.dimension()).isEqualTo(14);
        assertThat(m.reactions()).hasSize(24);
    }

    @Test
    void checkSummarisesAModel() {
        CliRun r = CliRun.of("check", "ode-specs/multisite2.ode");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("model 'multisite2' (reaction network)").containsPattern("variables\\s+6")
                .containsPattern("reactions\\s+8").contains("max degree 2");
    }

    @Test
    void checkReportsABadModelAtItsPositionWithExitCode2() throws IOException {
        Path bad = tmp.resolve("bad.ode");
        Files.writeString(bad, "begin model m\n begin init\n  x = 1\n end init\n begin ODE\n  d(x) = -k*x\n end ODE\nend model\n");
        CliRun r = CliRun.of("check", bad.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).startsWith(bad + ":6:").contains("'k'");
        assertThat(r.err().lines()).allMatch(l -> !l.startsWith("\tat "));
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingFileAndUnknownOptionAreUsageErrors() {
        CliRun missing = CliRun.of("check", tmp.resolve("nope.ode").toString());
        assertThat(missing.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(missing.err()).contains("no such file");
        CliRun unknown = CliRun.of("reduce", "ode-specs/sir.ode", "--method", "fe", "--frobnicate");
        assertThat(unknown.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(unknown.err()).contains("--frobnicate");
        CliRun badMethod = CliRun.of("reduce", "ode-specs/sir.ode", "--method", "xx");
        assertThat(badMethod.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
    }

    @Test
    void printWritesCanonicalTextThatParsesBackToTheSameModel() throws IOException {
        CliRun r = CliRun.of("print", "ode-specs/syntax_features.ode");
        assertThat(r.code()).as(r.err()).isZero();
        OdeSystem original = OdeParser.parse(Paths.get("ode-specs/syntax_features.ode")).system();
        assertThat(OdeParser.parse("printed", r.out()).system()).isEqualTo(original);
        Path out = tmp.resolve("sub/printed.ode");
        CliRun toFile = CliRun.of("print", "ode-specs/syntax_features.ode", "-o", out.toString());
        assertThat(toFile.code()).isZero();
        assertThat(Files.readString(out)).isEqualTo(r.out());
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("printed.ode");
        }
    }

    @Test
    void reduceWritesTheReducedModelAndAJsonReport() throws IOException {
        Path reduced = tmp.resolve("ms2_fe.ode");
        Path report = tmp.resolve("ms2_fe.json");
        CliRun r = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "fe", "--prepartition", "user",
                "-o", reduced.toString(), "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("variables  6 -> 5").contains("{S01, S10}").contains("self-check")
                .contains(": ok");
        OdeSystem m = OdeParser.parse(reduced).system();
        assertThat(m.dimension()).isEqualTo(5);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("variablesBefore").asInt()).isEqualTo(6);
        assertThat(json.get("variablesAfter").asInt()).isEqualTo(5);
        assertThat(json.get("method").asText()).isEqualTo("FE");
        assertThat(json.get("provenance").get("sha256").asText()).hasSize(64);
        assertThat(json.get("blocks")).hasSize(5);
    }

    @Test
    void observablesAreKeptApart() {
        CliRun r = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "fe", "--observe", "S01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("initial partition OBSERVE").doesNotContain("{S01, S10}");
        CliRun unknown = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "fe", "--observe", "nosuch");
        assertThat(unknown.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(unknown.err()).contains("'nosuch' is neither a variable nor a view");
    }

    @Test
    void simulateChoosesTheIntegratorAndWritesTheTrajectory() throws IOException {
        Path csv = tmp.resolve("rob.csv");
        CliRun stiff = CliRun.of("simulate", "ode-specs/robertson.ode", "--t-end", "1e5", "--points", "5", "-o", csv.toString());
        assertThat(stiff.code()).as(stiff.err()).isZero();
        assertThat(stiff.out()).contains("with Rodas4").contains("integrator auto:");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("time,A,B,C");
        String[] last = lines.get(6).split(",");
        assertThat(Double.parseDouble(last[0])).isEqualTo(1e5);
        double total = Double.parseDouble(last[1]) + Double.parseDouble(last[2]) + Double.parseDouble(last[3]);
        assertThat(total).as("Robertson conserves A + B + C").isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        CliRun lv = CliRun.of("simulate", "ode-specs/lotka_volterra.ode", "--t-end", "5");
        assertThat(lv.code()).isZero();
        assertThat(lv.out()).contains("with Dormand-Prince 8(5,3)");
    }

    @Test
    void aSimulationThatBlowsUpExitsWith3() throws IOException {
        Path m = tmp.resolve("blowup.ode");
        Files.writeString(m, "begin model blowup\n begin init\n  x = 1\n end init\n begin ODE\n  d(x) = x^2\n end ODE\nend model\n");
        CliRun r = CliRun.of("simulate", m.toString(), "--t-end", "2");
        assertThat(r.code()).isEqualTo(Main.EXIT_CHECK_FAILED);
        assertThat(r.out()).contains("stopped after");
    }

    private static final String SBML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
              <model id="two_isomers">
                <listOfCompartments><compartment id="cell" size="1"/></listOfCompartments>
                <listOfSpecies>
                  <species id="A" compartment="cell" initialConcentration="2"/>
                  <species id="B" compartment="cell" initialConcentration="0"/>
                </listOfSpecies>
                <listOfParameters><parameter id="k" value="0.5"/></listOfParameters>
                <listOfReactions>
                  <reaction id="iso" reversible="false">
                    <listOfReactants><speciesReference species="A"/></listOfReactants>
                    <listOfProducts><speciesReference species="B"/></listOfProducts>
                    <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML">
                      <apply><times/><ci>k</ci><ci>A</ci></apply>
                    </math></kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    @Test
    void sbmlModelsAreReadByExtensionAndConvertedToDsl() throws IOException {
        Path sbml = tmp.resolve("isomers.xml");
        Files.writeString(sbml, SBML);
        CliRun check = CliRun.of("check", sbml.toString());
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("model 'two_isomers'").containsPattern("variables\\s+2");
        CliRun print = CliRun.of("print", "--format", "ode", sbml.toString());
        assertThat(print.code()).as(print.err()).isZero();
        OdeSystem m = OdeParser.parse("converted.ode", print.out()).system();
        assertThat(m.evaluate(new double[] {2, 0})).containsExactly(-1.0, 1.0);
        CliRun reduce = CliRun.of("reduce", sbml.toString(), "--method", "fe");
        assertThat(reduce.code()).isZero();
        assertThat(reduce.out()).contains("variables  2 -> 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "print", "reduce", "simulate"})
    void everyCommandHasHelpWithExamples(String command) {
        CliRun r = CliRun.of(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: odelump " + command).contains("Examples:");
    }
}
