package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.dsl.OdeParser;
import org.odelump.io.BngNetReader;
import org.odelump.lumping.BackwardEquivalence;
import org.odelump.lumping.ForwardEquivalence;
import org.odelump.lumping.Tolerance;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.testutil.SharedCorpus;

/** {@code odelump bench} with tiny sizes: files written, cases present, generators and the exponent fit. */
class BenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void tinyRunWritesJsonAndMarkdownWithEveryCase() throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("bench", "--repeat", "2", "--parse-terms", "3000", "--parse-variables", "300",
                "--sizes", "1000,4000", "--shared", tmp.resolve("no-shared").toString(), "-o", out.toString(),
                "--cases", "parse,nets,synthetic,epsilon,stiff");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("bench: parse: parse+normalise 3000 terms: median")
                .contains("bench: nets: skipped, no corpus at").contains("bench: epsilon: skipped")
                .contains("bench: stiff: skipped");
        JsonNode root = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertThat(root.get("repeat").asInt()).isEqualTo(2);
        assertThat(root.get("machine").get("processors").asInt()).isPositive();
        List<String> names = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            names.add(c.get("name").asText());
            assertThat(c.get("wallSeconds")).hasSize(2);
            assertThat(c.get("peakHeapMB").asDouble()).isPositive();
            assertThat(c.get("medianWallSeconds").asDouble())
                    .isGreaterThanOrEqualTo(c.get("minWallSeconds").asDouble());
        }
        assertThat(names).containsExactly("parse+normalise 3000 terms",
                "planted_fe_1000 FE", "planted_fe_1000 BE", "planted_fe_4000 FE", "planted_fe_4000 BE",
                "planted_be_1000 FE", "planted_be_1000 BE", "planted_be_4000 FE", "planted_be_4000 BE");
        JsonNode parse = root.get("cases").get(0).get("facts");
        assertThat(parse.get("variables").asInt()).isEqualTo(300);
        assertThat(parse.get("terms written").asInt()).isEqualTo(3000);
        assertThat(root.get("fits")).hasSize(4);
        assertThat(root.get("notes").get(0).asText()).contains("nets: skipped");
        assertThat(root.get("targets").toString()).contains("not measured");
        String md = Files.readString(out.resolve("bench.md"));
        assertThat(md).contains("## Targets").contains("## parse").contains("## synthetic")
                .contains("| planted_be_4000 BE |").contains("Fitted exponent").doesNotContain("## nets");
        assertThat(out).isDirectoryContaining(p -> p.getFileName().toString().equals("bench.md"));
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bench.json", "bench.md");
        }
    }

    @Test
    void netCaseMatchesTheLibraryOnASmallCorpusNetwork() throws IOException {
        Path root = SharedCorpus.requireRoot();
        String rel = "RuleWorld_bionetgen/net/tlbr.net";
        Path f = SharedCorpus.requireCorpus().resolve(rel);
        Path out = tmp.resolve("nets");
        CliRun r = CliRun.of("bench", "--cases", "nets", "--net", rel, "--repeat", "1", "--shared", root.toString(),
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        OdeSystem s = BngNetReader.read(f).system();
        Partition one = Partition.single(s.dimension());
        int fe = new ForwardEquivalence(s, one, Tolerance.DEFAULT).compute().size();
        int be = new BackwardEquivalence(s, one, Tolerance.DEFAULT).compute().size();
        JsonNode cases = new ObjectMapper().readTree(out.resolve("bench.json").toFile()).get("cases");
        assertThat(cases).hasSize(3);
        assertThat(cases.get(0).get("name").asText()).isEqualTo("tlbr.net load");
        assertThat(cases.get(0).get("facts").get("species").asInt()).isEqualTo(s.dimension());
        assertThat(cases.get(1).get("facts").get("blocks").asInt()).isEqualTo(fe);
        assertThat(cases.get(2).get("facts").get("blocks").asInt()).isEqualTo(be);
    }

    @Test
    void invalidOptionsAreUsageErrors() {
        assertThat(CliRun.of("bench", "--repeat", "0", "-o", tmp.toString()).code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(CliRun.of("bench", "--parse-terms", "5", "--parse-variables", "10", "-o", tmp.toString()).code())
                .isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(CliRun.of("bench", "--cases", "nope").code()).isEqualTo(Main.EXIT_INVALID_INPUT);
    }

    @Test
    void generatedDslFileParsesToTheRequestedSize() throws IOException {
        Path f = tmp.resolve("g.ode");
        long written = SyntheticModels.writeDsl(f, 50, 503, 3);
        OdeSystem s = OdeParser.parse(f).system();
        assertThat(written).isEqualTo(503);
        assertThat(s.dimension()).isEqualTo(50);
        // repeated monomials within one drift merge; with degree >= 1 for all but the first term they are rare
        assertThat(s.termCount()).isBetween(450L, 503L);
        assertThat(s.maxDegree()).isLessThanOrEqualTo(2);
    }

    @Test
    void plantedSystemsHaveAtLeastThePlantedStructure() {
        for (SyntheticModels.Plant plant : SyntheticModels.Plant.values()) {
            OdeSystem s = SyntheticModels.planted(20_000, plant, 5);
            assertThat(s.dimension()).isEqualTo(2000);
            assertThat(s.termCount()).isBetween(15_000L, 25_000L);
            assertThat(s.maxDegree()).isLessThanOrEqualTo(2);
            Partition one = Partition.single(s.dimension());
            Partition p = plant == SyntheticModels.Plant.FE
                    ? new ForwardEquivalence(s, one, Tolerance.DEFAULT).compute()
                    : new BackwardEquivalence(s, one, Tolerance.DEFAULT).compute();
            int[] labels = new int[s.dimension()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = i / SyntheticModels.BLOCK_SIZE;
            }
            // the coarsest equivalence is at least as coarse as the planted blocks
            assertThat(Partition.fromLabels(labels).refines(p)).as(plant.name()).isTrue();
        }
    }

    @Test
    void fittedExponentRecoversAPowerLaw() {
        List<double[]> pts = List.of(new double[] {1e4, 2e-3 * Math.pow(1e4, 1.2)},
                new double[] {1e5, 2e-3 * Math.pow(1e5, 1.2)}, new double[] {1e6, 2e-3 * Math.pow(1e6, 1.2)});
        assertThat(BenchRunner.fittedExponent(pts)).isCloseTo(1.2, within(1e-9));
        assertThat(BenchRunner.fittedExponent(List.of(new double[] {10, 1}))).isNaN();
        assertThat(BenchRunner.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(BenchRunner.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    }

    @Test
    void targetsAreJudgedOnMediansAndPeakHeap() {
        Map<String, Object> parseFacts = new LinkedHashMap<>();
        parseFacts.put("variables", 100_000L);
        Map<String, Object> synth = new LinkedHashMap<>();
        synth.put("planted", "BE");
        synth.put("target monomials", 1_000_000L);
        synth.put("monomials", 999_000L);
        synth.put("method", "FE");
        List<BenchCases.Result> results = List.of(
                new BenchCases.Result("parse", "parse+normalise 1000000 terms", parseFacts,
                        measurement(3_000_000_000L, 9.0, 12.0, 11.0)),
                new BenchCases.Result("nets", "fceri_gamma2_asym.net load", Map.of(),
                        measurement(100, 2.5, 2.9, 4.0)),
                new BenchCases.Result("nets", "fceri_gamma2_asym.net FE", Map.of(),
                        measurement(100, 1.0, 2.5, 2.1)),
                new BenchCases.Result("synthetic", "planted_be FE", synth, measurement(100, 9.5, 9.9, 30)),
                new BenchCases.Result("epsilon", "fceri_fyn.net eps-FE 0.0", Map.of(), measurement(100, 0.1)),
                new BenchCases.Result("epsilon", "fceri_fyn.net eps-FE 1.0", Map.of(), measurement(100, 11.0)),
                new BenchCases.Result("stiff", "fceri_gamma2.net original RODAS4", Map.of(),
                        measurement(100, 6.0)),
                new BenchCases.Result("stiff", "fceri_gamma2.net FE-reduced RODAS4", Map.of(),
                        measurement(100, 1.5)),
                // issue 14: small models as the launcher runs them count (0.45 s), not others (0.7 s) nor large ones
                new BenchCases.Result("cli", "m reduce --method be -o [CDS+C1]",
                        cli(8, "reduce --method be -o", "CDS+C1"), measurement(0, 0.45)),
                new BenchCases.Result("cli", "m reduce --method fe [CDS+C1]", cli(8, "reduce --method fe", "CDS+C1"),
                        measurement(0, 0.6)),
                new BenchCases.Result("cli", "m reduce --method be -o [plain]",
                        cli(8, "reduce --method be -o", "plain"), measurement(0, 0.7)),
                new BenchCases.Result("cli", "big reduce --method be -o [CDS+C1]",
                        cli(3744, "reduce --method be -o", "CDS+C1"), measurement(0, 2.0)));
        List<BenchReport.Target> t = new BenchReport(Map.of(), results, List.of(), 3).targets();
        // parse time, parse heap, load, FE, BE (absent), 10^6 model, eps-FE (slowest 11 s), eps-BE (absent),
        // stiff full (6 s), reduced speed-up (4x < 5x), the two nn targets (absent), small model under 0.5 s
        assertThat(t).extracting(BenchReport.Target::met)
                .containsExactly(false, false, true, false, null, true, false, null, true, false, null, null, true);
        assertThat(t.get(0).measured()).isEqualTo("11.000 s");
        assertThat(t.get(12).measured()).isEqualTo("0.450 s");
        assertThat(t.get(12).description()).contains("m reduce --method be -o [CDS+C1]");
    }

    private static Map<String, Object> cli(int variables, String command, String jvm) {
        return Map.of("variables", variables, "command", command, "JVM", jvm, "launcher", jvm.startsWith("CDS+C1"));
    }

    private static BenchRunner.Measurement measurement(long peak, double... wall) {
        return new BenchRunner.Measurement(wall, wall.clone(), peak, new double[wall.length]);
    }

    @Test
    void trainingAndGroupingCasesMeasureWhatTheFormerTestProgramsMeasured() throws Exception {
        BenchCases a = new BenchCases(1, 5, line -> { });
        a.training(200, 3);
        BenchCases b = new BenchCases(2, 5, line -> { });
        b.training(200, 3);
        BenchCases.Result ra = a.results().get(0);
        assertThat(ra.group()).isEqualTo("train");
        assertThat(ra.facts()).containsEntry("rows", 200).containsEntry("epochs", 3);
        // the same seed trains the same weights, bit for bit, in every run
        assertThat(ra.facts().get("weights hash")).isEqualTo(b.results().get(0).facts().get("weights hash"));

        BenchCases g = new BenchCases(1, 1, line -> { });
        g.grouping(java.nio.file.Path.of("ode-specs"), new double[] {0.1, 1.0});
        assertThat(g.results()).hasSize(3 * 2 * 2);
        for (BenchCases.Result r : g.results()) {
            assertThat(r.group()).isEqualTo("grouping");
            String blocks = (String) r.facts().get("blocks");
            assertThat(blocks.split(",")).as(r.name()).hasSize(2);
        }
        assertThat(g.results().get(0).name()).isEqualTo("circuit_hub_tolerances (ic) FE components");
        BenchCases missing = new BenchCases(1, 1, line -> { });
        missing.grouping(tmp, new double[] {0.1});
        assertThat(missing.results()).isEmpty();
        assertThat(missing.notes()).hasSize(3).allMatch(n -> n.startsWith("grouping: skipped"));
    }
}
