package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.model.Provenance;

/** The JSON report of reduce states the reduction as data, and the command line leaves symbolic work to the library. */
class ReduceReportTest {

    @TempDir
    Path tmp;

    @Test
    void reportHasTheEpsilonSettingsTheChangeAndTheInputHash() throws IOException {
        Path report = tmp.resolve("r.json");
        String model = "ode-specs/circuit_hub_tolerances.ode";
        CliRun r = CliRun.of("reduce", model, "--method", "ebe", "-p", "ic", "--epsilon", "0.3", "--grouping",
                "diameter", "--tolerance", "1e-10", "--perturb", "all", "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(report.toFile());
        assertThat(j.get("provenance").get("sha256").asText())
                .isEqualTo(Provenance.sha256(Files.readAllBytes(Path.of(model))));
        assertThat(j.get("method").asText()).isEqualTo("BE");
        assertThat(j.get("tolerance").asDouble()).isEqualTo(1e-10);
        assertThat(j.get("initialPartition").asText()).isEqualTo("IC");
        assertThat(j.get("initialPartitionBlocks")).hasSizeGreaterThan(1);
        JsonNode a = j.get("approximation");
        assertThat(a.get("epsilon").asDouble()).isEqualTo(0.3);
        assertThat(a.get("epsilonMode").asText()).isEqualTo("abs");
        assertThat(a.get("grouping").asText()).isEqualTo("diameter");
        assertThat(a.get("quotient").asText()).isEqualTo("nearest-exact");
        assertThat(a.get("nearest").get("perturbed").asText()).startsWith("Ch,gh,C1");
        assertThat(a.get("nearest").get("newValues")).hasSize(a.get("nearest").get("perturbed").asText()
                .split(",").length);
        assertThat(a.get("nearest").get("changeNorm2").asDouble()).isPositive();
        // existing fields stay
        assertThat(j.get("blocks")).hasSize(j.get("variablesAfter").asInt());
        assertThat(j.get("header").toString()).contains("odelump-approximation: epsilon=0.3");

        Path exact = tmp.resolve("e.json");
        assertThat(CliRun.of("reduce", model, "--method", "fe", "--report", exact.toString()).code()).isZero();
        JsonNode e = new ObjectMapper().readTree(exact.toFile());
        assertThat(e.has("approximation")).isFalse();
        assertThat(e.get("tolerance").asDouble()).isEqualTo(1e-12);
    }

    @Test
    void perturbingParametersThatCannotWorkIsInvalidInput() {
        CliRun r = CliRun.of("reduce", "ode-specs/circuit_hub_tolerances.ode", "--method", "ebe", "-p", "ic",
                "--epsilon", "0.3", "--perturb", "gh");
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("perturbing gh cannot make the partition an exact BE");
        CliRun unknown = CliRun.of("reduce", "ode-specs/circuit_hub_tolerances.ode", "--method", "ebe",
                "--epsilon", "0.3", "--perturb", "nope");
        assertThat(unknown.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(unknown.err()).contains("'nope' is no parameter of the model");
    }

    @Test
    void noCommandLineClassImportsTheSymbolicGate() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/odelump/cli"))) {
            offenders = files.filter(f -> {
                try {
                    return Files.readString(f).contains("org.odelump.symbolic.");
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
