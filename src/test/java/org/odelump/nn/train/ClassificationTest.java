package org.odelump.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.io.TableFormatException;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.Softmax;
import org.odelump.nn.data.ClassificationMetrics;
import org.odelump.nn.data.CsvDatasets;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.GlyphDataset;
import org.odelump.nn.data.RegressionMetrics;

/** Softmax, classification metrics, labelled CSV and training with softmax cross-entropy. */
class ClassificationTest {

    @Test
    void softmaxIsStableAndCrossEntropyIsMinusLogOfTheLabelsProbability() {
        double[] p = Softmax.probabilities(new double[] {1000, 0, 1000});
        assertThat(p[0]).isCloseTo(0.5, within(1e-15));
        assertThat(p[1]).isCloseTo(0.0, within(1e-300));
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-15));
        double[] z = {0.3, -1.2, 2.0};
        double[] q = Softmax.probabilities(z);
        for (int c = 0; c < 3; c++) {
            assertThat(Softmax.crossEntropy(z, c)).isCloseTo(-Math.log(q[c]), within(1e-14));
        }
        assertThat(Softmax.argmax(new double[] {1, 3, 3})).isEqualTo(1);
    }

    @Test
    void accuracyCrossEntropyAndAgreementOnAHandExample() {
        double[][] logits = {{2, 1}, {0, 3}, {1, 0}};
        ClassificationMetrics m = ClassificationMetrics.of(logits, new int[] {0, 1, 1});
        assertThat(m.accuracy()).isEqualTo(2.0 / 3);
        double expected = (Math.log(1 + Math.exp(-1)) + Math.log(1 + Math.exp(-3)) + Math.log(1 + Math.exp(1))) / 3;
        assertThat(m.crossEntropy()).isCloseTo(expected, within(1e-14));
        assertThat(ClassificationMetrics.ofOneHot(logits, new double[][] {{1, 0}, {0, 1}, {0, 1}})).isEqualTo(m);
        assertThat(ClassificationMetrics.agreement(logits, new double[][] {{0, 1}, {0, 1}, {5, 0}}))
                .isEqualTo(2.0 / 3);
        assertThatThrownBy(() -> ClassificationMetrics.of(logits, new int[] {0, 2, 1}))
                .hasMessageContaining("label 2 is not one of the 2 classes");
    }

    @Test
    void labelledCsvOrdersNumericLabelsByValueAndLocatesUnknownLabels() {
        String csv = "a,y,b\n1,10,2\n3,9,4\n5,10,6\n";
        Dataset d = CsvDatasets.parseLabelled(csv, "t.csv", "y", List.of());
        assertThat(d.targetNames()).containsExactly("9", "10");
        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(d.targetRow(0)).containsExactly(0, 1);
        assertThat(d.targetRow(1)).containsExactly(1, 0);
        assertThat(d.inputRow(2)).containsExactly(5, 6);
        assertThatThrownBy(() -> CsvDatasets.parseLabelled(csv, "t.csv", "y", List.of("9", "11")))
                .isInstanceOf(TableFormatException.class)
                .hasMessageContaining("t.csv:2:3")
                .hasMessageContaining("label '10' is not one of the classes [9, 11]");
    }

    @Test
    void crossEntropyTrainingLearnsTheGlyphsDeterministically() {
        Dataset train = GlyphDataset.generate(300, 11);
        Dataset val = GlyphDataset.generate(200, 12);
        TrainingOptions o = new TrainingOptions(List.of(16), Activation.TANH, 0.01, 32, 25, 0, 3);
        MlpTrainer.Result a = new MlpTrainer(train, val, o, TrainingListener.NONE, Loss.SOFTMAX_CROSS_ENTROPY)
                .train();
        MlpTrainer.Result b = new MlpTrainer(train, val, o, TrainingListener.NONE, Loss.SOFTMAX_CROSS_ENTROPY)
                .train();
        assertThat(a.network()).isEqualTo(b.network());
        List<Double> vl = a.report().validationLoss();
        // a uniform guess over the 5 classes has cross-entropy ln 5 = 1.61; training must get well below it
        assertThat(vl.get(a.report().bestEpoch() - 1)).isLessThan(0.5 * Math.log(5));
        ClassificationMetrics m = ClassificationMetrics.ofOneHot(RegressionMetrics.predict(a.network(),
                val.inputs()), val.targets());
        assertThat(m.accuracy()).isGreaterThan(0.7);
        assertThat(m.crossEntropy()).isCloseTo(vl.get(a.report().bestEpoch() - 1), within(1e-9));
        // the same options with the regression loss give another network: the loss is really switched
        Mlp mse = new MlpTrainer(train, val, o, TrainingListener.NONE).train().network();
        assertThat(mse).isNotEqualTo(a.network());
    }

    @Test
    void crossEntropyNeedsLogitsOutputs() {
        Dataset train = GlyphDataset.generate(20, 1);
        Mlp squashed = new Mlp(List.of(new DenseLayer(new double[5][64], new double[5], Activation.TANH)));
        MlpTrainer t = new MlpTrainer(train, train.select(new int[0]),
                new TrainingOptions(List.of(), Activation.TANH, 0.01, 8, 1, 0, 1), TrainingListener.NONE,
                Loss.SOFTMAX_CROSS_ENTROPY);
        assertThatThrownBy(() -> t.train(squashed)).hasMessageContaining("IDENTITY output layer");
    }

    @Test
    void glyphGenerationIsDeterministicAndPrefixStable() {
        Dataset a = GlyphDataset.generate(50, 4);
        Dataset b = GlyphDataset.generate(80, 4);
        assertThat(a.features()).isEqualTo(64);
        assertThat(a.targetNames()).isEqualTo(GlyphDataset.CLASSES);
        for (int r = 0; r < 50; r++) {
            assertThat(b.inputRow(r)).containsExactly(a.inputRow(r));
            assertThat(b.targetRow(r)).containsExactly(a.targetRow(r));
        }
        int[] counts = new int[5];
        for (int y : ClassificationMetrics.labels(GlyphDataset.generate(1000, 4).targets())) {
            counts[y]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(150, 250);
        }
    }
}
