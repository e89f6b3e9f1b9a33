package org.odelump.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.ColumnScaling;
import org.odelump.testutil.OnnxRuntimeCheck;

class NetworkFilesTest {

    @Test
    void formatIsDetectedByExtension() {
        assertThat(NetworkFormat.detect(Path.of("a/b/net.JSON"))).contains(NetworkFormat.JSON);
        assertThat(NetworkFormat.detect(Path.of("model.onnx"))).contains(NetworkFormat.ONNX);
        assertThat(NetworkFormat.detect(Path.of("model.onnx.bak"))).isEmpty();
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> NetworkFiles.read(Path.of("weights.h5")));
        assertThat(e.getMessage()).isEqualTo("weights.h5: unknown network file extension; expected .json or .onnx");
        assertThat(e.first().kind()).isEqualTo(Diagnostic.Kind.UNSUPPORTED);
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> NetworkFiles.read(dir.resolve("none.json")));
        assertThat(e.first().kind()).isEqualTo(Diagnostic.Kind.IO);
        assertThat(e.getMessage()).startsWith(dir.resolve("none.json") + ": cannot read the file: ");
    }

    @Test
    void bareNetworksRoundTripThroughBothFormatsAndCarryProvenance(@TempDir Path dir) throws IOException {
        Random rnd = new Random(5);
        // weights of a trained network's scale, so that float32 ONNX Runtime stays within 1e-5 of odelump
        Mlp mlp = OnnxRuntimeTest.network(rnd);
        Path json = dir.resolve("out/net.json");
        Path onnx = dir.resolve("out/net.onnx");
        NetworkFiles.write(json, mlp, NetworkFormat.JSON);
        NetworkFiles.write(onnx, mlp, NetworkFormat.ONNX);
        NetworkFile j = NetworkFiles.read(json);
        NetworkFile o = NetworkFiles.read(onnx);
        assertThat(j.mlp()).isEqualTo(mlp);
        assertThat(o.mlp()).isEqualTo(OnnxNetworkTest.roundedToFloat(mlp));
        OnnxRuntimeCheck.assertRunsAs(onnx, o);
        for (NetworkFile f : List.of(j, o)) {
            assertThat(f.provenance().tool()).isEqualTo("odelump");
            assertThat(f.provenance().created()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        }
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("net.json", "net.onnx");
        }
    }

    /** What the compressor does: read, replace the network by a smaller one, write back in the same format. */
    @Test
    void aCompressedNetworkIsWrittenBackInTheFormatItCameIn(@TempDir Path dir) throws IOException {
        Mlp original = OnnxNetworkTest.EXPECTED;
        NetworkFile in = new NetworkFile(original, List.of("a", "b", "c"), List.of("u", "v"),
                new ColumnScaling(new double[] {0, 1, 2}, new double[] {1, 2, 4}), null,
                new NetworkProvenance("pytorch 2.5.1", "", "train.csv"));
        Mlp smaller = new Mlp(List.of(
                new DenseLayer(new double[][] {{0.5, -1, 0.25}, {1.5, 0, -0.75}}, new double[] {0.25, -0.5},
                        Activation.TANH),
                new DenseLayer(new double[][] {{1, -1}, {-0.25, 0.75}}, new double[] {0.5, -0.125},
                        Activation.IDENTITY)));
        for (NetworkFormat format : NetworkFormat.values()) {
            Path source = dir.resolve("net." + format.extension());
            NetworkFiles.write(source, in, format);
            NetworkFile read = NetworkFiles.read(source);
            assertThat(read).isEqualTo(in);
            Path target = dir.resolve("small." + format.extension());
            NetworkFiles.write(target, read.withMlp(smaller), NetworkFiles.formatOf(source));
            NetworkFile back = NetworkFiles.read(target);
            assertThat(back.mlp()).isEqualTo(smaller);
            assertThat(back.inputNames()).containsExactly("a", "b", "c");
            assertThat(back.inputStandardisation()).isEqualTo(in.inputStandardisation());
            assertThat(back.provenance()).isEqualTo(in.provenance());
            if (format == NetworkFormat.ONNX) {
                OnnxRuntimeCheck.assertRunsAs(target, read.withMlp(smaller));
            }
            double[] x = {3, -1, 6};
            assertThat(back.predict(x)).containsExactly(smaller.apply(new double[] {3, -1, 1}));
        }
    }

    /** A classifier's labels travel in both formats; its ONNX graph outputs the logits that odelump computes. */
    @Test
    void aClassifierKeepsItsClassesInBothFormats(@TempDir Path dir) throws IOException {
        Mlp logits = new Mlp(List.of(
                new DenseLayer(new double[][] {{0.5, -1, 0.25}, {1.5, 0, -0.75}}, new double[] {0.25, -0.5},
                        Activation.TANH),
                new DenseLayer(new double[][] {{1, -1}, {-0.25, 0.75}}, new double[] {0.5, -0.125},
                        Activation.IDENTITY)));
        NetworkFile regression = new NetworkFile(logits, List.of("a", "b", "c"), List.of(),
                new ColumnScaling(new double[] {0, 1, 2}, new double[] {1, 2, 4}), null,
                new NetworkProvenance("odelump", "", "test"));
        NetworkFile classifier = regression.withClasses(List.of("cat", "dog"));
        assertThat(JsonNetworkWriter.write(regression)).doesNotContain("task").doesNotContain("classes");
        assertThat(JsonNetworkWriter.write(classifier)).contains("\"task\": \"classification\"")
                .contains("\"classes\": [\"cat\", \"dog\"]");
        for (NetworkFormat format : NetworkFormat.values()) {
            Path file = dir.resolve("cls." + format.extension());
            NetworkFiles.write(file, classifier, format);
            NetworkFile read = NetworkFiles.read(file);
            assertThat(read.classes()).containsExactly("cat", "dog");
            assertThat(read.isClassifier()).isTrue();
            assertThat(read.withClasses(List.of()).isClassifier()).isFalse();
            if (format == NetworkFormat.ONNX) {
                assertThat(OnnxRuntimeCheck.assertRunsAs(file, read)).isLessThanOrEqualTo(1e-5);
            }
        }
        assertThatThrownBy(() -> regression.withClasses(List.of("cat", "cat")))
                .hasMessageContaining("class labels repeat");
        assertThatThrownBy(() -> regression.withClasses(List.of("cat", "dog", "emu")))
                .hasMessageContaining("3 class labels for 2 outputs");
    }

    @Test
    void overwritingReplacesTheFileWhole(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("n.json");
        Files.writeString(f, "x".repeat(100_000));
        NetworkFiles.write(f, OnnxNetworkTest.EXPECTED, NetworkFormat.JSON);
        assertThat(NetworkFiles.read(f).mlp()).isEqualTo(OnnxNetworkTest.EXPECTED);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void float64OnnxIsExactThroughTheFacade(@TempDir Path dir) throws IOException {
        Mlp mlp = RandomNetworks.mlp(new Random(9));
        Path f = dir.resolve("d.onnx");
        NetworkFiles.write(f, NetworkFile.of(mlp), NetworkFormat.ONNX, OnnxPrecision.FLOAT64);
        assertThat(NetworkFiles.read(f).mlp()).isEqualTo(mlp);
        OnnxRuntimeCheck.assertRunsAs(f, NetworkFile.of(mlp));
    }

    @Test
    void float32CannotHoldHugeWeights() {
        Mlp mlp = new Mlp(List.of(new DenseLayer(new double[][] {{1e300}}, new double[] {0}, Activation.TANH)));
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> OnnxNetworkWriter.write(NetworkFile.of(mlp), OnnxPrecision.FLOAT32));
        assertThat(e.getMessage()).isEqualTo("tensor 'layers.0.weight' holds 1.0E300, which does not fit in float32; "
                + "write it with OnnxPrecision.FLOAT64");
    }

    /** The example of docs/network-format.md is a valid file whose prediction follows the documented formula. */
    @Test
    void theDocumentedExampleReads() throws IOException {
        String doc = Files.readString(Path.of("docs/network-format.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String json = doc.substring(start, doc.indexOf("```", start));
        NetworkFile net = JsonNetworkReader.read(json, "network-format.md");
        assertThat(net.mlp().widths()).containsExactly(2, 3, 1);
        assertThat(net.inputNames()).containsExactly("temperature", "pressure");
        assertThat(JsonNetworkWriter.write(net)).isEqualTo(json);
        double[] x = {325.0, 1.5};
        double[] z = {1.0, 1.0};
        double h0 = Math.tanh(0.8 - 1.25 + 0.1);
        double h1 = Math.tanh(0.5 + 0.3 - 0.2);
        double h2 = Math.tanh(-0.02 + 1.1);
        double out = 1.5 * h0 - 0.75 * h1 + 0.25 * h2 + 0.05;
        assertThat(net.mlp().apply(z)[0]).isCloseTo(out, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(net.predict(x)[0]).isCloseTo(out * 0.11 + 0.42, org.assertj.core.data.Offset.offset(1e-15));
    }
}
