package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;
import org.odelump.testutil.OnnxRuntimeCheck;

/** End-to-end: {@code odelump compress} through {@link Main#run} on the network shipped in models/. */
class CompressCommandTest {

    private static final String NET = "models/demo_tanh_2x16.json";
    private static final String TRAIN = "models/demo_tanh_2x16.train.csv";
    private static final String TEST = "models/demo_tanh_2x16.test.csv";
    private static final List<String> ALL = List.of("afde", "abde", "magnitude", "layer-magnitude", "wanda",
            "structured");

    @TempDir
    Path tmp;

    private static CliRun compress(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("compress", NET, "--data", TRAIN, "--target", "y", "--test", TEST,
                "-o", out.toString()));
        a.addAll(List.of(extra));
        return CliRun.of(a.toArray(String[]::new));
    }

    private static JsonNode report(Path out) throws Exception {
        return new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
    }

    private static void assertFiniteOutputs(Mlp net) {
        Random rnd = new Random(3);
        for (int k = 0; k < 20; k++) {
            double[] y = net.apply(new double[] {-2 + 4 * rnd.nextDouble(), -2 + 4 * rnd.nextDouble()});
            assertThat(java.util.Arrays.stream(y).allMatch(Double::isFinite)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"afde", "abde", "magnitude", "layer-magnitude", "wanda", "structured"})
    void eachMethodCompressesTheShippedNetworkToARatio(String method) throws Exception {
        Path out = tmp.resolve(method);
        CliRun r = compress(out, "--method", method, "--ratio", "2");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = report(out);
        long before = j.get("parametersBefore").asLong();
        long after = j.get("parametersAfter").asLong();
        assertThat(before).isEqualTo(NetworkFiles.read(Path.of(NET)).mlp().nonZeroCount());
        assertThat(after).isLessThanOrEqualTo(before / 2).isPositive();
        assertThat(j.get("compressionRatio").asDouble()).isCloseTo((double) before / after,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(j.get("method").asText()).isEqualTo(method);
        assertThat(j.get("compensation").asText()).isEqualTo("refit");
        assertThat(j.at("/target/targetParameters").asLong()).isEqualTo(before / 2);
        if (method.equals("magnitude") || method.equals("layer-magnitude") || method.equals("wanda")) {
            assertThat(after).isEqualTo(before / 2);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode m : j.get("methods")) {
            names.add(m.get("name").asText());
            assertThat(m.get("rmse").asDouble()).isFinite().isNotNegative();
            assertThat(m.get("parameters").asLong()).isLessThanOrEqualTo(before);
            assertThat(m.get("compensation").asText()).isEqualTo("refit");
        }
        assertThat(names.get(0)).isEqualTo(method);
        assertThat(names).containsAll(List.of("magnitude", "layer-magnitude", "wanda", "structured"));
        assertThat(j.at("/methods/0/parameters").asLong()).isEqualTo(after);
        assertThat(j.at("/original/rmse").asDouble()).isLessThan(0.1);
        assertThat(j.at("/provenance/networkSha256").asText()).hasSize(64);
        NetworkFile written = NetworkFiles.read(out.resolve("compressed.json"));
        assertThat(written.mlp().nonZeroCount()).isEqualTo(after);
        assertThat(written.inputNames()).containsExactly("x0", "x1");
        assertFiniteOutputs(written.mlp());
        assertThat(Files.readString(out.resolve("report.md"))).contains("| " + method + " |", "refit");
        assertThat(r.out()).contains("parameters " + before + " -> " + after);
    }

    @Test
    void paramsTargetIsMetExactlyByUnstructuredBaselinesAndReportedForAfde() throws Exception {
        for (String method : List.of("magnitude", "wanda", "layer-magnitude")) {
            Path out = tmp.resolve("p-" + method);
            assertThat(compress(out, "--method", method, "--params", "200").code()).isZero();
            assertThat(report(out).get("parametersAfter").asLong()).isEqualTo(200);
        }
        Path out = tmp.resolve("p-afde");
        CliRun r = compress(out, "--criterion", "weights", "--params", "200", "--compensation", "none");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = report(out);
        long achieved = j.at("/target/achievedParameters").asLong();
        assertThat(achieved).isLessThanOrEqualTo(200).isEqualTo(j.get("parametersAfter").asLong());
        assertThat(j.get("epsilon").asDouble()).isPositive();
        assertThat(j.get("compensation").asText()).isEqualTo("none");
        for (JsonNode m : j.get("methods")) {
            if (!m.get("name").asText().equals("structured")) {
                assertThat(m.get("parameters").asLong()).as(m.get("name").asText()).isEqualTo(achieved);
            }
        }
        // the epsilon found reproduces the count when given directly
        Path again = tmp.resolve("p-afde-eps");
        assertThat(compress(again, "--criterion", "weights", "--epsilon", Double.toString(j.get("epsilon").asDouble()),
                "--compensation", "none").code()).isZero();
        assertThat(report(again).get("parametersAfter").asLong()).isEqualTo(achieved);
    }

    @Test
    void refitAllIsAppliedToEveryMethodAndNamedInTheReport() throws Exception {
        Path out = tmp.resolve("refit-all");
        CliRun r = compress(out, "--method", "abde", "--ratio", "1.5", "--compensation", "refit-all");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("compensation refit-all");
        JsonNode j = report(out);
        assertThat(j.get("compensation").asText()).isEqualTo("refit-all");
        assertThat(j.get("methods")).allMatch(m -> m.get("compensation").asText().equals("refit-all"));
        CliRun bad = compress(tmp.resolve("bad-comp"), "--ratio", "2", "--compensation", "refit_all");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("expected none, refit or refit-all");
    }

    @Test
    void onnxNetworkIsWrittenBackAsOnnxAndPlotIsDrawn() throws Exception {
        Path onnx = tmp.resolve("demo.onnx");
        NetworkFiles.write(onnx, NetworkFiles.read(Path.of(NET)), NetworkFormat.ONNX);
        OnnxRuntimeCheck.assertRunsAs(onnx, NetworkFiles.read(Path.of(NET)));
        Path out = tmp.resolve("onnx");
        CliRun r = CliRun.of("compress", onnx.toString(), "--data", TRAIN, "--target", "y", "--test-fraction",
                "0.25", "--seed", "4", "--epsilon", "0.1", "--plot", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        NetworkFile back = NetworkFiles.read(out.resolve("compressed.onnx"));
        OnnxRuntimeCheck.assertRunsAs(out.resolve("compressed.onnx"), back);
        assertThat(back.mlp().nonZeroCount()).isEqualTo(report(out).get("parametersAfter").asLong());
        assertFiniteOutputs(back.mlp());
        assertThat(report(out).get("testRows").asInt()).isEqualTo(80);
        assertThat(report(out).get("sweep")).hasSize(12 * 5);
        byte[] png = Files.readAllBytes(out.resolve("sweep.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.readString(out.resolve("sweep.csv")).lines().count()).isEqualTo(61);
    }

    @Test
    void exactAfdeRemovesAPlantedDuplicateWithoutChangingTheOutput() throws Exception {
        double[][] w0 = {{0.7, -1.2}, {0.3, 0.9}, {-0.5, 0.4}, {0.7, -1.2}};
        double[] b0 = {0.1, -0.2, 0.05, 0.1};
        double[][] w1 = {{1.1, -0.6, 0.8, 0.45}};
        Mlp net = new Mlp(List.of(new DenseLayer(w0, b0, Activation.TANH),
                new DenseLayer(w1, new double[] {0.3}, Activation.IDENTITY)));
        Path file = tmp.resolve("planted.json");
        NetworkFiles.write(file, net, NetworkFormat.JSON);
        StringBuilder csv = new StringBuilder("a,b,y\n");
        Random rnd = new Random(11);
        for (int r = 0; r < 60; r++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", a, b, net.apply(new double[] {a, b})[0]));
        }
        Path data = tmp.resolve("planted.csv");
        Files.writeString(data, csv.toString());
        Path out = tmp.resolve("planted");
        CliRun r = CliRun.of("compress", file.toString(), "--data", data.toString(), "--target", "y", "--criterion",
                "weights", "--epsilon", "0", "--compensation", "none", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Mlp c = NetworkFiles.read(out.resolve("compressed.json")).mlp();
        assertThat(c.widths()).containsExactly(2, 3, 1);
        for (int k = 0; k < 100; k++) {
            double[] x = {3 * rnd.nextGaussian(), 3 * rnd.nextGaussian()};
            assertThat(c.apply(x)[0]).isCloseTo(net.apply(x)[0], org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(report(out).at("/methods/0/rmse").asDouble()).isLessThan(1e-5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lsq", "dynamics"})
    void theLsqAndDynamicsCriteriaReachARatioAndAreComparedWithTheBaselinesAtTheirCount(String criterion)
            throws Exception {
        Path out = tmp.resolve(criterion);
        CliRun r = compress(out, "--criterion", criterion, "--ratio", "2");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = report(out);
        long before = j.get("parametersBefore").asLong();
        assertThat(j.get("parametersAfter").asLong()).isLessThanOrEqualTo(before / 2).isPositive();
        assertThat(j.at("/methods/0/description").asText()).contains(criterion.equals("lsq") ? "lsq selection"
                : "dynamics lumping");
        assertThat(j.at("/methods/1/name").asText()).isEqualTo("magnitude");
        Mlp c = NetworkFiles.read(out.resolve("compressed.json")).mlp();
        assertThat(c.parameterCount()).isLessThanOrEqualTo(before / 2);
        assertFiniteOutputs(c);
    }

    @Test
    void lsqAtEpsilonZeroRemovesOnlyAPlantedDuplicate() throws Exception {
        double[][] w0 = {{0.7, -1.2}, {0.3, 0.9}, {-0.5, 0.4}, {0.7, -1.2}};
        double[] b0 = {0.1, -0.2, 0.05, 0.1};
        Mlp net = new Mlp(List.of(new DenseLayer(w0, b0, Activation.TANH),
                new DenseLayer(new double[][] {{1.1, -0.6, 0.8, 0.45}}, new double[] {0.3}, Activation.IDENTITY)));
        Path file = tmp.resolve("dup.json");
        NetworkFiles.write(file, net, NetworkFormat.JSON);
        StringBuilder csv = new StringBuilder("a,b,y\n");
        Random rnd = new Random(12);
        for (int r = 0; r < 80; r++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", a, b, net.apply(new double[] {a, b})[0]));
        }
        Path data = tmp.resolve("dup.csv");
        Files.writeString(data, csv.toString());
        Path out = tmp.resolve("dup");
        CliRun r = CliRun.of("compress", file.toString(), "--data", data.toString(), "--target", "y",
                "--criterion", "lsq", "--epsilon", "0", "--compensation", "none", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Mlp c = NetworkFiles.read(out.resolve("compressed.json")).mlp();
        assertThat(c.widths()).containsExactly(2, 3, 1);
        for (int k = 0; k < 100; k++) {
            double[] x = {2 * rnd.nextGaussian(), 2 * rnd.nextGaussian()};
            assertThat(c.apply(x)[0]).isCloseTo(net.apply(x)[0], org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void badOptionsExitWithCodeTwoAndOneLine() {
        Path out = tmp.resolve("bad");
        CliRun missing = CliRun.of("compress", NET, "--data", TRAIN, "--target", "nope", "--ratio", "2", "-o",
                out.toString());
        CliRun method = compress(out, "--method", "lottery", "--ratio", "2");
        CliRun tooMany = compress(out, "--params", "100000");
        CliRun both = compress(out, "--params", "100", "--epsilon", "0.1");
        CliRun epsForBaseline = compress(out, "--method", "wanda", "--epsilon", "0.1");
        CliRun unreachable = compress(out, "--criterion", "weights", "--params", "3");
        CliRun criterionForAbde = compress(out, "--method", "abde", "--criterion", "lsq", "--ratio", "2");
        CliRun lsqUnreachable = compress(out, "--criterion", "lsq", "--params", "3");
        for (CliRun r : List.of(missing, method, tooMany, both, epsForBaseline, unreachable, criterionForAbde,
                lsqUnreachable)) {
            assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_INVALID_INPUT);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("odelump: ");
        }
        assertThat(missing.err()).contains("nope");
        assertThat(method.err()).contains("lottery", "afde");
        assertThat(tooMany.err()).contains("100000", "337");
        assertThat(unreachable.err()).contains("out of reach", "AFDE");
        assertThat(criterionForAbde.err()).contains("--criterion lsq applies to --method afde only");
        assertThat(lsqUnreachable.err()).contains("out of reach for lsq");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void metricsAreInTheDataUnitsWhenTheFileCarriesStandardisation() throws Exception {
        NetworkFile demo = NetworkFiles.read(Path.of(NET));
        NetworkFile std = new NetworkFile(demo.mlp(), demo.inputNames(), demo.outputNames(),
                new org.odelump.nn.data.ColumnScaling(new double[] {0.5, -0.25}, new double[] {2, 0.5}),
                new org.odelump.nn.data.ColumnScaling(new double[] {1.0}, new double[] {3.0}), demo.provenance());
        Path file = tmp.resolve("std.json");
        NetworkFiles.write(file, std, NetworkFormat.JSON);
        Path out = tmp.resolve("std");
        CliRun r = CliRun.of("compress", file.toString(), "--data", TRAIN, "--target", "y", "--test", TEST,
                "--method", "magnitude", "--params", "300", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        org.odelump.nn.data.Dataset test = org.odelump.nn.data.CsvDatasets.read(Path.of(TEST), List.of("y"));
        double sq = 0;
        for (int k = 0; k < test.rows(); k++) {
            double d = std.predict(test.inputRow(k))[0] - test.target(k, 0);
            sq += d * d;
        }
        assertThat(report(out).at("/original/rmse").asDouble()).isCloseTo(Math.sqrt(sq / test.rows()),
                org.assertj.core.data.Offset.offset(1e-12));
        NetworkFile back = NetworkFiles.read(out.resolve("compressed.json"));
        assertThat(back.inputStandardisation()).isEqualTo(std.inputStandardisation());
        assertThat(back.targetStandardisation()).isEqualTo(std.targetStandardisation());
    }

    @Test
    void helpListsExamples() {
        CliRun r = CliRun.of("compress", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--method", "--ratio", "--compensation", "Examples:", "refit");
        assertThat(ALL).allMatch(m -> r.out().contains(m));
    }
}
