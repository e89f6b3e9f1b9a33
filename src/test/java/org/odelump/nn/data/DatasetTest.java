package org.odelump.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

class DatasetTest {

    /** Row r has inputs (r, 2r, 7) and target 3r + 1, so every row is identifiable by its first input. */
    static Dataset numbered(int rows) {
        double[][] x = new double[rows][];
        double[][] y = new double[rows][];
        for (int r = 0; r < rows; r++) {
            x[r] = new double[] {r, 2.0 * r, 7.0};
            y[r] = new double[] {3.0 * r + 1};
        }
        return new Dataset(List.of("a", "b", "c"), List.of("t"), x, y);
    }

    @Test
    void splitIsAPartitionOfTheRowsWithRoundedSizes() {
        Dataset d = numbered(101);
        Dataset.Split s = d.split(0.8, 0.1, 0.1, 42);
        assertThat(s.train().rows()).isEqualTo(81);
        assertThat(s.validation().rows()).isEqualTo(10);
        assertThat(s.test().rows()).isEqualTo(10);
        Set<Double> seen = new HashSet<>();
        for (Dataset part : List.of(s.train(), s.validation(), s.test())) {
            for (int r = 0; r < part.rows(); r++) {
                double id = part.input(r, 0);
                assertThat(part.input(r, 1)).isEqualTo(2 * id);
                assertThat(part.target(r, 0)).isEqualTo(3 * id + 1);
                assertThat(seen.add(id)).isTrue();
            }
        }
        assertThat(seen).hasSize(101);
    }

    @Test
    void splitDependsOnlyOnTheSeed() {
        Dataset d = numbered(200);
        Dataset.Split a = d.split(0.8, 0.1, 0.1, 7);
        Dataset.Split b = d.split(0.8, 0.1, 0.1, 7);
        Dataset.Split c = d.split(0.8, 0.1, 0.1, 8);
        assertThat(a.train().inputs()).isDeepEqualTo(b.train().inputs());
        assertThat(a.test().targets()).isDeepEqualTo(b.test().targets());
        assertThat(Arrays.deepEquals(a.train().inputs(), c.train().inputs())).isFalse();
        // shuffled, not the original order
        assertThat(a.train().input(0, 0) == 0 && a.train().input(1, 0) == 1 && a.train().input(2, 0) == 2)
                .isFalse();
    }

    @Test
    void badShapesAndFractionsAreRejected() {
        assertThatThrownBy(() -> new Dataset(List.of("a"), List.of("t"), new double[][] {{1, 2}},
                new double[][] {{1}})).hasMessageContaining("input row 0 has 2 columns");
        assertThatThrownBy(() -> new Dataset(List.of("a"), List.of("t"), new double[][] {{1}},
                new double[][] {{1}, {2}})).hasMessageContaining("1 input rows but 2 target rows");
        assertThatThrownBy(() -> new Dataset(List.of("a", "a"), List.of("t"), new double[][] {{1, 2}},
                new double[][] {{1}})).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new Dataset(List.of("a"), List.of("t"), new double[][] {{Double.NaN}},
                new double[][] {{1}})).hasMessageContaining("not finite");
        assertThatThrownBy(() -> numbered(10).split(0.8, 0.1, 0.2, 1)).hasMessageContaining("sum to 1");
    }

    @Test
    void valuesAreCopiedInAndOut() {
        double[][] x = {{1, 2}};
        double[][] y = {{3}};
        Dataset d = new Dataset(List.of("a", "b"), List.of("t"), x, y);
        x[0][0] = 99;
        d.inputs()[0][1] = 99;
        d.inputRow(0)[0] = 99;
        assertThat(d.inputRow(0)).containsExactly(1, 2);
        assertThat(d.targetRow(0)).containsExactly(3);
    }

    @Test
    void standardisationIsFittedOnTrainingRowsAndRoundTrips() {
        Dataset d = numbered(50);
        Dataset.Split s = d.split(0.6, 0.2, 0.2, 3);
        Standardisation st = Standardisation.fit(s.train());
        Dataset z = st.apply(s.train());
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            double sq = 0;
            for (int r = 0; r < z.rows(); r++) {
                mean += z.input(r, c);
                sq += z.input(r, c) * z.input(r, c);
            }
            assertThat(mean / z.rows()).isCloseTo(0, within(1e-12));
            assertThat(sq / z.rows()).isCloseTo(1, within(1e-12));
        }
        // constant column: std 1, maps to zero
        assertThat(st.inputStd()[2]).isEqualTo(1.0);
        assertThat(z.input(0, 2)).isEqualTo(0.0);
        // the test split uses the training moments, not its own
        Dataset zt = st.apply(s.test());
        assertThat(zt.input(0, 0)).isEqualTo((s.test().input(0, 0) - st.inputMean()[0]) / st.inputStd()[0]);
        // round trip
        Dataset back = st.invert(zt);
        for (int r = 0; r < back.rows(); r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(back.input(r, c)).isCloseTo(s.test().input(r, c), within(1e-12));
            }
            assertThat(back.target(r, 0)).isCloseTo(s.test().target(r, 0), within(1e-12));
            assertThat(st.restoreTarget(zt.targetRow(r))[0]).isCloseTo(s.test().target(r, 0), within(1e-12));
        }
        assertThat(st.standardiseTarget(new double[] {st.targetMean()[0]})).containsExactly(0.0);
        // the parts stored in network files scale exactly like the dataset standardisation
        double[] x = s.test().inputRow(0);
        assertThat(st.inputScaling().standardise(x)).containsExactly(st.standardiseInput(x));
        double[] y = zt.targetRow(0);
        assertThat(st.targetScaling().unstandardise(y)).containsExactly(st.restoreTarget(y));
    }

    @Test
    void foldingTheStandardisationIntoANetworkGivesTheSameOutputsInOriginalUnits() {
        Dataset d = numbered(40);
        Standardisation st = Standardisation.fit(d);
        java.util.Random rnd = new java.util.Random(4);
        for (int depth = 1; depth <= 3; depth++) {
            List<DenseLayer> layers = new java.util.ArrayList<>();
            int in = 3;
            for (int l = 0; l < depth; l++) {
                int out = l == depth - 1 ? 1 : 5;
                double[][] w = new double[out][in];
                double[] b = new double[out];
                for (int j = 0; j < out; j++) {
                    for (int i = 0; i < in; i++) {
                        w[j][i] = rnd.nextGaussian();
                    }
                    b[j] = rnd.nextGaussian();
                }
                layers.add(new DenseLayer(w, b, l == depth - 1 ? Activation.IDENTITY : Activation.TANH));
                in = out;
            }
            Mlp net = new Mlp(layers);
            Mlp raw = st.unstandardised(net);
            assertThat(raw.widths()).containsExactly(net.widths());
            for (int r = 0; r < d.rows(); r++) {
                double expected = st.restoreTarget(net.apply(st.standardiseInput(d.inputRow(r))))[0];
                assertThat(raw.apply(d.inputRow(r))[0]).isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
            }
        }
    }
}
