package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.dsl.OdeParser;
import org.odelump.dsl.ParameterValues;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;
import org.odelump.testutil.SameDrifts;

/** {@code odelump reduce MODEL --method fe|be --keep-parameters} as a user runs it. */
class KeepParametersCliTest {

    private static final String EQUAL_RATES = "src/test/resources/params/equal_rates.ode";

    @TempDir
    Path dir;

    @Test
    void theReducedFileKeepsParameterNamesAndReadsBack() throws Exception {
        Path out = dir.resolve("mixed_fe.ode");
        CliRun r = CliRun.of("reduce", "ode-specs/mixed_fe_be.ode", "--method", "fe", "--keep-parameters", "-o",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  parameters kept as names: s, k, p, kf, kr, dM")
                .contains("  parameters that cancel out of the reduced drifts: kAB, kBA")
                .contains("self-check L*f(x) = f^(L*x) at 32 random points: ok");
        String text = Files.readString(out);
        assertThat(text).contains("// Parameters kept as names: s, k, p, kf, kr, dM")
                .contains("  d(A) = s - k*A\n").contains("  d(D1) = -kr*D1 + kf*M1^2\n")
                .contains("  p = 0.3\n");
        assertThat(text.substring(text.indexOf("begin model"))).doesNotContain("kAB").doesNotContain("kBA");
        OdeSystem reread = OdeParser.parse(out).system();
        assertThat(reread.parameters()).hasSize(6);
        // what 'verify' reads: the header's lumping, and the drifts at the parameters' values
        CliRun v = CliRun.of("verify", "ode-specs/mixed_fe_be.ode", out.toString(), "--no-files", "--points", "20");
        assertThat(v.code()).as(v.out() + v.err()).isZero();
        // without the option the same reduction has numbers
        Path plain = dir.resolve("plain.ode");
        assertThat(CliRun.of("reduce", "ode-specs/mixed_fe_be.ode", "--method", "fe", "-o", plain.toString()).code())
                .isZero();
        assertThat(Files.readString(plain)).contains("  d(A) = 1 - 0.10000000000000003*A\n")
                .doesNotContain("begin parameters");
        OdeSystem numbers = OdeParser.parse(plain).system();
        assertThat(SameDrifts.differences(numbers.drifts(), reread.drifts(), numbers.variableNames(), 10, 1L, 1e-12))
                .isEmpty();
    }

    @Test
    void parametersTheLumpingDependsOnAreReplacedAndNamed() throws Exception {
        Path out = dir.resolve("equal_be.ode");
        CliRun r = CliRun.of("reduce", EQUAL_RATES, "--method", "be", "--keep-parameters", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  parameters kept as names: g, mu")
                .contains("  parameters replaced by their values: k1 = 1.5 (the lumping depends on its value); "
                        + "k2 = 1.5 (the lumping depends on its value)\n");
        String text = Files.readString(out);
        assertThat(text).contains("// Parameters replaced by their values: k1 = 1.5 (the lumping depends on its "
                + "value); k2 = 1.5 (the lumping depends on its value)")
                .contains("  d(x1) = -1.5*x1 + g*y\n");
        assertThat(text.substring(text.indexOf("begin model"))).doesNotContain("k1").doesNotContain("k2");
        CliRun derived = CliRun.of("reduce", "src/test/resources/params/derived.ode", "-m", "fe",
                "--keep-parameters");
        assertThat(derived.out()).contains("  parameters kept as names: g, g2, V\n")
                .contains("mu = 0.2 (the substituted parameter loss is defined by it); "
                        + "loss = 0.05 (it occurs in a divisor that is not a product of parameters)\n");
    }

    @Test
    void jsonListsKeptAndReplacedParameters() throws Exception {
        CliRun r = CliRun.of("reduce", EQUAL_RATES, "--method", "fe", "--keep-parameters", "--json");
        assertThat(r.code()).isZero();
        JsonNode p = new ObjectMapper().readTree(r.out()).get("parameters");
        assertThat(p.get("kept")).extracting(JsonNode::asText).containsExactly("g", "mu");
        assertThat(p.get("substituted")).hasSize(2);
        assertThat(p.get("substituted").get(0).get("name").asText()).isEqualTo("k1");
        assertThat(p.get("substituted").get(0).get("value").asDouble()).isEqualTo(1.5);
        assertThat(p.get("substituted").get(0).get("reason").asText()).isEqualTo("the lumping depends on its value");

        Path report = dir.resolve("equal_fe.json");
        CliRun withReport = CliRun.of("reduce", EQUAL_RATES, "--method", "fe", "--keep-parameters", "--report",
                report.toString());
        assertThat(withReport.code()).as(withReport.err()).isZero();
        JsonNode written = new ObjectMapper().readTree(report.toFile());
        assertThat(written.get("parameters")).isEqualTo(p);
        assertThat(written.get("method").asText()).isEqualTo("FE");
    }

    @Test
    void whatCannotKeepParametersIsAUsageError() {
        CliRun approximate = CliRun.of("reduce", EQUAL_RATES, "--method", "efe", "--epsilon", "0.1",
                "--keep-parameters");
        assertThat(approximate.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(approximate.err()).contains("--keep-parameters needs --method fe or be");
    }

    @Test
    void printKeepsParameterNamesInTheExpandedDrifts() throws Exception {
        Path out = dir.resolve("circuit.ode");
        CliRun r = CliRun.of("print", "ode-specs/circuit_hub.ode", "--keep-parameters", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(out);
        assertThat(text).contains("  d(v1) = G*h/C + g1*v1/C - G*v1/C - g3*v1^3/C\n").contains("  g3 = 1/3\n");
        OdeSystem original = OdeParser.parse(Path.of("ode-specs/circuit_hub.ode")).system();
        OdeSystem reread = OdeParser.parse(out).system();
        assertThat(reread.parameters()).isEqualTo(original.parameters());
        assertThat(SameDrifts.differences(original.drifts(), reread.drifts(), original.variableNames(), 10, 1L,
                1e-12)).isEmpty();
        CliRun derived = CliRun.of("print", "src/test/resources/params/derived.ode", "--keep-parameters");
        assertThat(derived.err()).contains("note: parameter loss is written as its value in the drifts: it occurs "
                + "in a divisor that is not a product of parameters");
        // SBML keeps the names in the rate rules (KeepParametersExportTest reads such files back)
        CliRun sbml = CliRun.of("print", "ode-specs/circuit_hub.ode", "--keep-parameters", "--format", "sbml");
        assertThat(sbml.code()).as(sbml.err()).isZero();
        // g3 = 1/3 names no parameter: a value, no initial assignment
        assertThat(sbml.out()).contains("<ci> G </ci>").contains("<divide/>").doesNotContain("initialAssignment");
    }

    @Test
    void anSbmlModelKeepsTheParametersOfItsKineticLaws() throws Exception {
        Path xml = dir.resolve("ms2.xml");
        assertThat(CliRun.of("print", "ode-specs/multisite2.ode", "-o", xml.toString()).code()).isZero();
        Path out = dir.resolve("ms2_fe.ode");
        CliRun r = CliRun.of("reduce", xml.toString(), "--method", "fe", "--observe", "onePhospho",
                "--keep-parameters", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // the compartment also scales concentrations, which the reduced drifts hold as numbers
        assertThat(r.out()).contains("  parameters kept as names: kp, kd\n")
                .contains("  parameters replaced by their values: cell = 1 (it is a compartment size)\n");
        String text = Files.readString(out);
        assertThat(text).contains("  d(S01) = 2*kp*K*S00 - kp*K*S01 - kd*F*S01 + 2*kd*F*S11\n");
        CliRun v = CliRun.of("verify", xml.toString(), out.toString(), "--no-files", "--points", "20");
        assertThat(v.code()).as(v.out() + v.err()).isZero();
    }

    @Test
    void aRateThroughABioNetGenFunctionKeepsNoName() throws Exception {
        // what func depends on is not part of the model, so no parameter can be trusted as a name
        Path net = dir.resolve("f.net");
        Files.writeString(net, "begin parameters\n 1 kp1 0.5\n 2 kd 0.1\nend parameters\n"
                + "begin functions\n 1 func() kp1*2\nend functions\n"
                + "begin species\n 1 A() 1\n 2 B() 1\n 3 C() 0\nend species\n"
                + "begin reactions\n 1 1 3 func #R1\n 2 2 3 func #R2\n 3 3 0 kd #R3\nend reactions\n");
        Path out = dir.resolve("f_fe.ode");
        CliRun r = CliRun.of("reduce", net.toString(), "--method", "fe", "--keep-parameters", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  parameters replaced by their values: kd = 0.1 (an expression names 'func', "
                + "which is neither a variable nor a parameter)\n");
        assertThat(Files.readString(out)).contains("  s3 -> EmptySet , 0.1 [R3]\n").doesNotContain("begin parameters");
    }

    @Test
    void aReactionNetworkKeepsOnlyTheRateNamesTheLumpingAllows() throws Exception {
        String network = "src/test/resources/params/equal_rates_network.ode";
        Path out = dir.resolve("net_fe.ode");
        CliRun r = CliRun.of("reduce", network, "--method", "fe", "--keep-parameters", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  parameters kept as names: g, mu\n")
                .contains("k1 = 1.5 (the lumping depends on its value)");
        String text = Files.readString(out);
        assertThat(text).contains("  A -> C , 1.5\n").contains("  C -> A , 2*g\n").contains("  C -> EmptySet , mu\n");
        // a scan of g and mu on the reduced network equals reducing the original at those values
        Map<String, Double> scan = Map.of("g", 1.7, "mu", 0.05);
        OdeSystem scanned = ParameterValues.apply(OdeParser.parse(out).system(), scan);
        OdeSystem original = ParameterValues.apply(OdeParser.parse(Path.of(network)).system(), scan);
        OdeSystem reducedThere = new Reduction(original, LumpedSystem.Method.FE, Prepartition.NONE, Tolerance.DEFAULT)
                .compute().reduced();
        assertThat(SameDrifts.differences(reducedThere.drifts(), scanned.drifts(), scanned.variableNames(), 10, 1L,
                1e-12)).isEmpty();
        // without the option the rates keep every name, as before (unchecked: wrong for k1 != k2)
        Path plain = dir.resolve("plain.ode");
        assertThat(CliRun.of("reduce", network, "--method", "fe", "-o", plain.toString()).code()).isZero();
        assertThat(Files.readString(plain)).contains("  A -> C , k1/2 + k2/2\n");
    }
}
