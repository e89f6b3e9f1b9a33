package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.io.CsvTables;
import org.odelump.lumping.EpsilonMode;
import org.odelump.nn.compress.Compensation;
import org.odelump.nn.compress.CompressionComparison;
import org.odelump.nn.compress.CompressionData;
import org.odelump.nn.compress.CompressionMethod;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.UciDataset;

/**
 * {@code odelump experiment} and {@code odelump compress} measure the same thing the same way: the experiment trains
 * a small network, and {@code compress} run on that network file, the seed's training and test split and the
 * experiment's level as {@code --params} reports, for every method and its matched baselines, exactly the parameter
 * counts and test RMSEs of the experiment's rows; and both equal what the library object
 * ({@link CompressionComparison}) gives when called directly. A change in what either command computes, or in how
 * it wires the library, shows here.
 */
class CompressExperimentAgreementTest {

    private static final double LEVEL = 0.5;

    @TempDir
    static Path dir;

    private static Map<String, String[]> rows;
    private static Path network;
    private static long target;

    @BeforeAll
    static void runExperiment() throws IOException {
        Random rnd = new Random(11);
        StringBuilder sb = new StringBuilder();
        String[] sex = {"M", "F", "I"};
        for (int r = 0; r < 250; r++) {
            double len = 0.2 + 0.5 * rnd.nextDouble();
            sb.append(sex[rnd.nextInt(3)]);
            for (int i = 0; i < 7; i++) {
                sb.append(String.format(Locale.ROOT, ",%.4f", len * (i == 0 ? 1 : 0.5 + 0.5 * rnd.nextDouble())));
            }
            sb.append(',').append(Math.max(1, 3 + (int) Math.round(20 * len * len + rnd.nextGaussian())))
                    .append('\n');
        }
        Path data = dir.resolve("uci");
        Files.createDirectories(data);
        Files.writeString(data.resolve("abalone.data"), sb.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("experiment");
        CliRun run = CliRun.of("experiment", "--datasets", "abalone", "--data-dir", data.toString(), "--seeds", "1",
                "--architectures", "6x5", "--epochs", "20", "--patience", "5", "--learning-rate", "1e-2", "--batch",
                "32", "--levels", String.valueOf(LEVEL), "--curve-levels", "0.25", "--calibration", "60",
                "--threads", "1", "-q", "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        rows = new HashMap<>();
        long full = -1;
        List<String> raw = Files.readAllLines(out.resolve("raw.csv"));
        for (String line : raw.subList(1, raw.size())) {
            String[] c = line.split(",");
            if (c[3].equals("original")) {
                full = Long.parseLong(c[8]);
            } else if (Double.parseDouble(c[4]) == LEVEL) {
                rows.put(c[5] + " " + c[6], c);
            }
        }
        target = (long) Math.floor((1 - LEVEL) * full);
        network = out.resolve("runs/abalone/6x5/seed-1/network.json");

        Dataset.Split split = UciDataset.ABALONE.load(data).split(0.8, 0.1, 0.1, 1);
        csv(split.train(), dir.resolve("train.csv"));
        csv(split.test(), dir.resolve("test.csv"));
    }

    private static void csv(Dataset d, Path file) throws IOException {
        List<String> header = new ArrayList<>(d.featureNames());
        header.addAll(d.targetNames());
        List<List<Object>> table = new ArrayList<>();
        for (int r = 0; r < d.rows(); r++) {
            List<Object> row = new ArrayList<>();
            for (double v : d.inputRow(r)) {
                row.add(v);
            }
            row.add(d.target(r, 0));
            table.add(row);
        }
        Files.writeString(file, CsvTables.table(header, table), StandardCharsets.UTF_8);
    }

    /** compress on the experiment's network at the level's budget; its report. */
    private static JsonNode compress(String name, String... method) throws IOException {
        Path out = dir.resolve("compress-" + name);
        List<String> args = new ArrayList<>(List.of("compress", network.toString(), "--data",
                dir.resolve("train.csv").toString(), "--target", "Rings", "--test", dir.resolve("test.csv").toString(),
                "--seed", "1", "--calibration", "60", "--params", String.valueOf(target), "-o", out.toString()));
        args.addAll(List.of(method));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
    }

    /** Every method of the report has the experiment row's parameter count and test RMSE, bit for bit. */
    private static void assertSameAsRows(JsonNode report, String compensation, Map<String, String> rowOf) {
        assertThat(report.path("methods").size()).isEqualTo(rowOf.size());
        for (JsonNode m : report.path("methods")) {
            String row = rowOf.get(m.path("name").asText()) + " " + compensation;
            assertThat(rows).as(row).containsKey(row);
            assertThat(m.path("parameters").asLong()).as(row).isEqualTo(Long.parseLong(rows.get(row)[8]));
            assertThat(m.path("rmse").asDouble()).as(row).isEqualTo(Double.parseDouble(rows.get(row)[10]));
        }
    }

    @Test
    void afdeOnWeightsAndEveryBaselineAtItsCountMatchTheExperimentsRows() throws IOException {
        JsonNode report = compress("weights", "--criterion", "weights", "--compensation", "refit");
        assertSameAsRows(report, "refit", Map.of("afde", "afde", "magnitude", "magnitude", "layer-magnitude",
                "layer-magnitude", "structured", "structured", "wanda", "wanda"));
        assertThat(report.path("epsilon").asDouble()).isEqualTo(Double.parseDouble(rows.get("afde refit")[7]));
        assertThat(report.at("/provenance/testSha256").asText()).isEqualTo(org.odelump.model.Provenance.sha256(
                Files.readAllBytes(dir.resolve("test.csv"))));
    }

    @Test
    void lsqAndItsMatchedBaselinesMatchTheExperimentsRows() throws IOException {
        JsonNode report = compress("lsq", "--criterion", "lsq", "--compensation", "none");
        Map<String, String> rowOf = new HashMap<>(Map.of("afde", "lsq", "magnitude", "magnitude@lsq",
                "structured", "structured@lsq", "wanda", "wanda@lsq"));
        // the experiment does not match layer-magnitude to lsq's count; compare the rest
        JsonNode methods = report.path("methods");
        assertThat(methods.findValuesAsText("name")).contains("layer-magnitude");
        com.fasterxml.jackson.databind.node.ObjectNode trimmed = report.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode kept = trimmed.putArray("methods");
        methods.forEach(m -> {
            if (!m.path("name").asText().equals("layer-magnitude")) {
                kept.add(m);
            }
        });
        assertSameAsRows(trimmed, "none", rowOf);
    }

    @Test
    void abdeAndDynamicsMatchTheExperimentsRows() throws IOException {
        JsonNode abde = compress("abde", "--method", "abde", "--compensation", "refit-all");
        assertThat(abde.path("methods").get(0).path("rmse").asDouble())
                .isEqualTo(Double.parseDouble(rows.get("abde refit-all")[10]));
        JsonNode dynamics = compress("dynamics", "--criterion", "dynamics", "--compensation", "refit");
        assertThat(dynamics.path("methods").get(0).path("parameters").asLong())
                .isEqualTo(Long.parseLong(rows.get("dynamics refit")[8]));
        assertThat(dynamics.path("methods").get(0).path("rmse").asDouble())
                .isEqualTo(Double.parseDouble(rows.get("dynamics refit")[10]));
    }

    @Test
    void theLibraryObjectGivesWhatTheCommandsReport() throws IOException {
        CompressionData d = CompressionData.read(new CompressionData.Request(network, dir.resolve("train.csv"),
                List.of("Rings"), false, dir.resolve("test.csv"), 0.2, 1, 60));
        CompressionComparison c = d.comparison();
        CompressionComparison.Compressed lsq = c.atMost(CompressionMethod.LSQ, target, EpsilonMode.REL);
        CompressionComparison.Result r = c.compensate(lsq, Compensation.REFIT);
        assertThat(r.parameters()).isEqualTo(Long.parseLong(rows.get("lsq refit")[8]));
        assertThat(r.test().rmse()).isEqualTo(Double.parseDouble(rows.get("lsq refit")[10]));
        assertThat(r.epsilon()).isEqualTo(Double.parseDouble(rows.get("lsq refit")[7]));
        List<CompressionComparison.Result> wanda = c.matched(lsq.network().nonZeroCount(),
                java.util.Set.of(CompressionMethod.WANDA), List.of(Compensation.NONE, Compensation.REFIT));
        assertThat(wanda).extracting(x -> x.compensation()).containsExactly(Compensation.NONE, Compensation.REFIT);
        assertThat(wanda.get(1).test().rmse()).isEqualTo(Double.parseDouble(rows.get("wanda@lsq refit")[10]));
        assertThat(d.testSha256()).isNotNull().isNotEqualTo(d.dataSha256());
    }
}
