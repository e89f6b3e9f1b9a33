package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.dsl.OdeParser;
import org.odelump.dsl.ParameterValues;
import org.odelump.io.BngNetReader;
import org.odelump.io.ExportException;
import org.odelump.io.NetWriter;
import org.odelump.io.SbmlReader;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.testutil.SameDrifts;

/**
 * {@code reduce --keep-parameters -o OUT.xml / OUT.net}: the reduced model exported with its parameters as names,
 * read back (SBML with {@link SbmlReader#readWithParameterSources}, as --keep-parameters reads SBML) with the same
 * parameter names and the same drifts at the nominal values and at other values (a parameter scan in the user's
 * tool works on the exported file).
 */
class KeepParametersExportTest {

    private static final String EQUAL_RATES = "src/test/resources/params/equal_rates.ode";
    private static final String DERIVED = "src/test/resources/params/derived.ode";
    private static final String NETWORK = "src/test/resources/params/equal_rates_network.ode";

    @TempDir
    Path dir;

    /** The reduced model as DSL text with parameter names, the reference the exports are compared with. */
    private OdeSystem reducedDsl(String model, String method, String... more) throws Exception {
        Path out = dir.resolve("reference_" + method + ".ode");
        List<String> args = new java.util.ArrayList<>(List.of("reduce", model, "--method", method,
                "--keep-parameters", "-o", out.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return OdeParser.parse(out).system();
    }

    private Path export(String model, String method, String file, String... more) {
        Path out = dir.resolve(file);
        List<String> args = new java.util.ArrayList<>(List.of("reduce", model, "--method", method,
                "--keep-parameters", "-o", out.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    private static List<String> names(OdeSystem m) {
        return m.parameters().stream().map(Parameter::name).toList();
    }

    /** Same drifts (variables by position) at the nominal values and after the scan on both. */
    private static void assertSameAtValues(OdeSystem expected, OdeSystem actual, Map<String, Double> scan) {
        assertThat(SameDrifts.differences(expected.drifts(), actual.drifts(), expected.variableNames(), 10, 1L,
                1e-12)).as("at the nominal values").isEmpty();
        OdeSystem e = ParameterValues.apply(expected, scan);
        OdeSystem a = ParameterValues.apply(actual, scan);
        assertThat(SameDrifts.differences(e.drifts(), a.drifts(), expected.variableNames(), 10, 2L, 1e-12))
                .as("at " + scan).isEmpty();
        // the scan changed something, else the comparison above proves nothing about names
        assertThat(SameDrifts.differences(expected.drifts(), a.drifts(), expected.variableNames(), 3, 3L, 1e-12))
                .as("the scan changes the drifts").isNotEmpty();
    }

    @Test
    void anOdeModelReducesToSbmlWhoseRateRulesNameTheKeptParameters() throws Exception {
        OdeSystem reference = reducedDsl(EQUAL_RATES, "fe");
        Path xml = export(EQUAL_RATES, "fe", "equal_fe.xml");
        String text = Files.readString(xml);
        assertThat(text).contains("<parameter constant=\"true\" id=\"g\" value=\"0.5\"/>")
                .contains("<parameter constant=\"true\" id=\"mu\" value=\"0.2\"/>").contains("<rateRule")
                .contains("<ci> g </ci>").doesNotContain("k1").doesNotContain("k2");
        SbmlReader.ParameterSources read = SbmlReader.readWithParameterSources(xml);
        // the compartment every SBML species needs is read as a parameter too, a number in the drifts
        assertThat(read.numbered()).containsOnlyKeys("cell");
        OdeSystem reread = read.model().system();
        assertThat(names(reread)).containsExactly("cell", "g", "mu");
        assertThat(reread.variableNames()).isEqualTo(reference.variableNames());
        assertSameAtValues(reference, reread, Map.of("g", 1.7, "mu", 0.05));
        // the plain export of the same reduction keeps numbers only
        Path plain = dir.resolve("plain.xml");
        assertThat(CliRun.of("reduce", EQUAL_RATES, "--method", "fe", "-o", plain.toString()).code()).isZero();
        assertThat(Files.readString(plain)).doesNotContain("<ci> g </ci>").doesNotContain("<ci> mu </ci>");
    }

    @Test
    void anSbmlModelReducesToSbmlThatReadsBackWithTheSameNames() throws Exception {
        Path xml = dir.resolve("ms2.xml");
        assertThat(CliRun.of("print", "ode-specs/multisite2.ode", "-o", xml.toString()).code()).isZero();
        OdeSystem reference = reducedDsl(xml.toString(), "fe", "--observe", "onePhospho");
        Path out = export(xml.toString(), "fe", "ms2_fe.xml", "--observe", "onePhospho");
        SbmlReader.ParameterSources read = SbmlReader.readWithParameterSources(out);
        OdeSystem reread = read.model().system();
        assertThat(names(reread)).containsExactly("cell", "kp", "kd");
        assertThat(read.numbered()).containsOnlyKeys("cell");
        assertSameAtValues(reference, reread, Map.of("kp", 2.5, "kd", 0.3));
        // BE too
        OdeSystem be = reducedDsl(xml.toString(), "be", "--observe", "onePhospho", "-p", "ic");
        Path beOut = export(xml.toString(), "be", "ms2_be.xml", "--observe", "onePhospho", "-p", "ic");
        assertSameAtValues(be, SbmlReader.readWithParameterSources(beOut).model().system(),
                Map.of("kp", 2.5, "kd", 0.3));
    }

    @Test
    void aReducedNetworkWritesKineticLawsWithItsRateNames() throws Exception {
        OdeSystem reference = reducedDsl(NETWORK, "fe");
        Path xml = export(NETWORK, "fe", "network_fe.xml");
        assertThat(Files.readString(xml)).contains("<kineticLaw>").doesNotContain("<rateRule");
        OdeSystem reread = SbmlReader.readWithParameterSources(xml).model().system();
        assertThat(names(reread)).containsExactly("cell", "g", "mu");
        assertSameAtValues(reference, reread, Map.of("g", 1.7, "mu", 0.05));
    }

    @Test
    void aParameterDefinedByAnotherIsAnInitialAssignment() throws Exception {
        Path xml = export(DERIVED, "fe", "derived_fe.xml");
        String text = Files.readString(xml);
        assertThat(text).contains("<initialAssignment symbol=\"g2\">");
        // read as a simulator would: g2 follows g
        OdeSystem reference = reducedDsl(DERIVED, "fe");
        OdeSystem reread = SbmlReader.read(xml).system();
        assertThat(SameDrifts.differences(reference.drifts(), reread.drifts(), reference.variableNames(), 10, 1L,
                1e-12)).isEmpty();
    }

    @Test
    void aNetworkFileKeepsParameterNamesDefinitionsAndRates() throws Exception {
        OdeSystem reference = reducedDsl(DERIVED, "fe");
        Path net = export(DERIVED, "fe", "derived_fe.net");
        String text = Files.readString(net);
        assertThat(text).contains("    2 g2 (2*g)\n").contains("    3 V 2\n").contains(" (g2/V)\n")
                .doesNotContain(" mu ").doesNotContain(" loss ");
        OdeSystem reread = BngNetReader.read(net).system();
        assertThat(names(reread)).containsExactly("g", "g2", "V");
        // a scan of g moves g2 with it, as in the reduced DSL model
        assertSameAtValues(reference, reread, Map.of("g", 0.9, "V", 3.0));
        // a reduced network keeps its reactions and rate names
        OdeSystem network = reducedDsl(NETWORK, "fe");
        OdeSystem rereadNetwork = BngNetReader.read(export(NETWORK, "fe", "network_fe.net")).system();
        assertThat(names(rereadNetwork)).containsExactly("g", "mu");
        assertSameAtValues(network, rereadNetwork, Map.of("g", 1.7, "mu", 0.05));
        // constant species (drift 0) get no reactions at rate 0
        Path xml = dir.resolve("ms2.xml");
        assertThat(CliRun.of("print", "ode-specs/multisite2.ode", "-o", xml.toString()).code()).isZero();
        OdeSystem ms2 = reducedDsl(xml.toString(), "fe", "--observe", "onePhospho");
        Path ms2Net = export(xml.toString(), "fe", "ms2_fe.net", "--observe", "onePhospho");
        assertThat(Files.readString(ms2Net)).doesNotContain(" 0 1 0\n").contains(" (2*kp)\n");
        OdeSystem rereadMs2 = BngNetReader.read(ms2Net).system();
        assertThat(names(rereadMs2)).containsExactly("kp", "kd");
        assertSameAtValues(ms2, rereadMs2, Map.of("kp", 2.5, "kd", 0.3));
    }

    @Test
    void aDriftTermThatIsNoRateTimesSpeciesIsRefusedNamingIt() throws Exception {
        // the model's own drift sources, not expanded: d(y) has (2*g + mu)*y
        OdeSystem m = OdeParser.parse(Path.of(EQUAL_RATES)).system();
        assertThatThrownBy(() -> NetWriter.write(m, true)).isInstanceOf(ExportException.class)
                .hasMessage("d(y) has the term ((2*g)+mu)*y, which is no number times a product of parameters and "
                        + "species (the form of a .net rate and its reactants)");
        assertThat(NetWriter.write(m)).contains("begin reactions");
    }

    @Test
    void whatANetFileCannotHoldIsAnErrorNamingItAndNoFile() throws Exception {
        // a decay written k*x with k < 0 at its value: the plain export writes a positive number, a named rate
        // would be negative
        Path model = dir.resolve("growth.ode");
        Files.writeString(model, "begin model growth\n begin parameters\n  k = -0.5\n  a = 2\n end parameters\n"
                + " begin init\n  x = 1\n  y = 1\n end init\n begin ODE\n  d(x) = k*x + a*y\n  d(y) = k*y + a*x\n"
                + " end ODE\nend model\n");
        Path net = dir.resolve("growth.net");
        CliRun r = CliRun.of("reduce", model.toString(), "--method", "fe", "--keep-parameters", "-o", net.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("has the term k*x whose rate k is negative at the parameters' values");
        assertThat(net).doesNotExist();
        assertThat(CliRun.of("reduce", model.toString(), "--method", "fe", "-o", net.toString()).code()).isZero();
        // print --keep-parameters refuses the same, and writes SBML
        CliRun print = CliRun.of("print", model.toString(), "--keep-parameters", "--format", "net");
        assertThat(print.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(print.err()).contains("d(x) has the term k*x whose rate k is negative");
        CliRun sbml = CliRun.of("print", model.toString(), "--keep-parameters", "--format", "sbml");
        assertThat(sbml.code()).as(sbml.err()).isZero();
        assertThat(sbml.out()).contains("<ci> k </ci>").contains("<ci> a </ci>");
    }
}
