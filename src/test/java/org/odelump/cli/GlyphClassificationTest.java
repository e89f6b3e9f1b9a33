package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.io.DelimitedText;
import org.odelump.nn.GlyphNetwork;
import org.odelump.nn.data.GlyphDataset;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;
import org.odelump.testutil.OnnxRuntimeCheck;

/**
 * The MNIST-like check of issue #13 on generated data: {@code odelump dataset glyphs} writes 8×8 glyph images,
 * a 64-32-32-5 tanh classifier is trained with softmax cross-entropy (the network shipped in models/), and
 * {@code compress --task classification} at ratio 2 compares afde with the baselines by accuracy.
 */
class GlyphClassificationTest {

    private static final String SHIPPED = "models/" + GlyphNetwork.NAME + ".json";
    private static final List<String> METHODS = List.of("afde", "magnitude", "layer-magnitude", "structured",
            "wanda");

    @TempDir
    static Path tmp;
    static Path train;
    static Path test;

    @BeforeAll
    static void data() {
        train = tmp.resolve("glyphs.train.csv");
        test = tmp.resolve("glyphs.test.csv");
        CliRun a = CliRun.of("dataset", "glyphs", "--rows", "600", "-o", train.toString());
        CliRun b = CliRun.of("dataset", "glyphs", "--rows", "400", "--seed", "2", "-o", test.toString());
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
    }

    /** Rewrites the shipped classifier: {@code mvn test -Dtest=GlyphClassificationTest -Dodelump.regenerate=true}. */
    @Test
    @EnabledIfSystemProperty(named = "odelump.regenerate", matches = "true")
    void regenerateTheShippedClassifier() throws Exception {
        GlyphNetwork.write(train, Path.of(SHIPPED));
    }

    @Test
    void theShippedClassifierIsWhatTrainingOnTheGeneratedDataGives() throws Exception {
        NetworkFile shipped = NetworkFiles.read(Path.of(SHIPPED));
        NetworkFile retrained = GlyphNetwork.train(train);
        assertThat(shipped.classes()).isEqualTo(GlyphDataset.CLASSES);
        assertThat(shipped.inputNames()).isEqualTo(retrained.inputNames());
        Random rnd = new Random(5);
        for (int k = 0; k < 20; k++) {
            double[] x = new double[64];
            for (int i = 0; i < 64; i++) {
                x[i] = rnd.nextGaussian();
            }
            assertThat(retrained.predict(x)).containsExactly(shipped.predict(x), within(1e-9));
        }
    }

    @Test
    void compressReportsAccuracyOfEveryMethodAndTheCompressedFilePredictsIt() throws Exception {
        Path out = tmp.resolve("afde");
        CliRun r = CliRun.of("compress", SHIPPED, "--task", "classification", "--data", train.toString(),
                "--target", "label", "--test", test.toString(), "--ratio", "2", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("accuracy").contains("cross-entropy").contains("agreement");
        JsonNode j = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
        assertThat(j.get("task").asText()).isEqualTo("classification");
        assertThat(j.get("classes").toString()).isEqualTo("[\"bar\",\"dash\",\"slash\",\"box\",\"plus\"]");
        double original = j.at("/original/accuracy").asDouble();
        assertThat(original).as("chance is 0.2").isGreaterThan(0.7);
        List<String> names = new ArrayList<>();
        for (JsonNode m : j.get("methods")) {
            names.add(m.get("name").asText());
            assertThat(m.get("accuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(m.get("crossEntropy").asDouble()).isFinite().isPositive();
            assertThat(m.get("agreement").asDouble()).isBetween(0.0, 1.0);
            assertThat(m.get("parameters").asLong()).isLessThanOrEqualTo(j.get("parametersBefore").asLong() / 2);
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(METHODS);
        assertThat(Files.readString(out.resolve("report.md"))).contains("| accuracy | cross-entropy | agreement |");

        // the compressed file is a classifier whose predicted labels give the accuracy the report states
        Path pred = tmp.resolve("pred.csv");
        CliRun p = CliRun.of("predict", out.resolve("compressed.json").toString(), "--data", test.toString(),
                "-o", pred.toString());
        assertThat(p.code()).as(p.err()).isZero();
        DelimitedText predicted = DelimitedText.parse(Files.readString(pred), "pred", ',', true);
        DelimitedText truth = DelimitedText.parse(Files.readString(test), "test", ',', true);
        assertThat(predicted.header()).containsExactly("label", "p(bar)", "p(dash)", "p(slash)", "p(box)",
                "p(plus)");
        int label = truth.columnIndex("label");
        int hits = 0;
        for (int row = 0; row < truth.rows().size(); row++) {
            DelimitedText.Row q = predicted.rows().get(row);
            if (q.cell(0).equals(truth.rows().get(row).cell(label))) {
                hits++;
            }
            double sum = 0;
            for (int c = 1; c <= 5; c++) {
                sum += predicted.number(q, c);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
        }
        assertThat((double) hits / truth.rows().size()).isEqualTo(j.at("/methods/0/accuracy").asDouble());
    }

    @Test
    void anOnnxClassifierKeepsItsClassesAndRunsInOnnxRuntimeAfterCompression() throws Exception {
        Path onnx = tmp.resolve("glyphs.onnx");
        assertThat(CliRun.of("convert", SHIPPED, "-o", onnx.toString()).code()).isZero();
        Path out = tmp.resolve("onnx");
        CliRun r = CliRun.of("compress", onnx.toString(), "--task", "classification", "--method", "magnitude",
                "--data", train.toString(), "--target", "label", "--test", test.toString(), "--ratio", "2",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path compressed = out.resolve("compressed.onnx");
        NetworkFile read = NetworkFiles.read(compressed);
        assertThat(read.classes()).isEqualTo(GlyphDataset.CLASSES);
        assertThat(OnnxRuntimeCheck.assertRunsAs(compressed, read)).isLessThanOrEqualTo(1e-5);
    }

    /** A logits network without class labels (e.g. a PyTorch export): the labels are the output indices 0..k-1. */
    @Test
    void aNetworkWithoutClassesTakesOutputIndicesAsLabels() throws Exception {
        Path bare = tmp.resolve("bare.json");
        NetworkFiles.write(bare, NetworkFiles.read(Path.of(SHIPPED)).withClasses(List.of()),
                NetworkFormat.JSON);
        Path numbered = tmp.resolve("numbered.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(test));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int cut = line.lastIndexOf(',') + 1;
            lines.set(i, line.substring(0, cut) + GlyphDataset.CLASSES.indexOf(line.substring(cut)));
        }
        Files.write(numbered, lines);
        Path out = tmp.resolve("bare");
        CliRun r = CliRun.of("compress", bare.toString(), "--task", "classification", "--method", "wanda",
                "--data", train.toString(), "--target", "label", "--test", numbered.toString(), "--ratio", "2",
                "-o", out.toString());
        // the training file's labels are names, which a file without classes cannot match
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("label 'dash' is not one of the classes [0, 1, 2, 3, 4]");
        r = CliRun.of("compress", bare.toString(), "--task", "classification", "--method", "wanda", "--data",
                numbered.toString(), "--target", "label", "--test-fraction", "0.5", "--ratio", "2", "-o",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
        assertThat(j.get("classes").toString()).isEqualTo("[\"0\",\"1\",\"2\",\"3\",\"4\"]");
        assertThat(j.at("/original/accuracy").asDouble()).isGreaterThan(0.7);
        assertThat(NetworkFiles.read(out.resolve("compressed.json")).classes()).containsExactly("0", "1", "2", "3",
                "4");
    }

    @Test
    void badClassificationInputIsAUsageError() throws Exception {
        CliRun unknownTask = CliRun.of("compress", SHIPPED, "--task", "ranking", "--data", train.toString(),
                "--target", "label", "--ratio", "2", "-o", tmp.resolve("x").toString());
        assertThat(unknownTask.code()).isEqualTo(2);
        assertThat(unknownTask.err()).contains("unknown --task 'ranking'; expected regression or classification");
        CliRun asRegression = CliRun.of("compress", SHIPPED, "--data", train.toString(), "--target", "label",
                "--ratio", "2", "-o", tmp.resolve("x").toString());
        assertThat(asRegression.code()).isEqualTo(2);
        assertThat(asRegression.err()).contains("is a classifier (classes bar, dash, slash, box, plus); compress "
                + "it with --task classification");
        CliRun regressionNet = CliRun.of("compress", "models/demo_tanh_2x16.json", "--task", "classification",
                "--data", "models/demo_tanh_2x16.train.csv", "--target", "y", "--ratio", "2", "-o",
                tmp.resolve("x").toString());
        assertThat(regressionNet.code()).isEqualTo(2);
        assertThat(regressionNet.err()).contains("is no classifier: --task classification needs logits outputs");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
        // a label that is not one of the network's classes, found at its cell
        List<String> lines = new ArrayList<>(Files.readAllLines(test));
        lines.set(1, lines.get(1).substring(0, lines.get(1).lastIndexOf(',') + 1) + "star");
        Path bad = tmp.resolve("glyphs.bad.csv");
        Files.write(bad, lines);
        int column = lines.get(1).lastIndexOf(',') + 2;
        CliRun wrongLabel = CliRun.of("compress", SHIPPED, "--task", "classification", "--data",
                train.toString(), "--target", "label", "--test", bad.toString(), "--ratio", "2", "-o",
                tmp.resolve("y").toString());
        assertThat(wrongLabel.code()).isEqualTo(2);
        assertThat(wrongLabel.err()).contains("glyphs.bad.csv:2:" + column + ": label 'star' is not one of the "
                + "classes [bar, dash, slash, box, plus]");
        assertThat(Files.exists(tmp.resolve("y"))).isFalse();
    }
}
