package org.odelump.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

class RegressionMetricsTest {

    @Test
    void singleColumnByHand() {
        // errors 0, -1, -2; mean target 3, SS_tot = 8, SS_res = 5
        RegressionMetrics m = RegressionMetrics.of(new double[][] {{1}, {2}, {3}}, new double[][] {{1}, {3}, {5}});
        assertThat(m.rmse()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15));
        assertThat(m.mae()).isCloseTo(1.0, within(1e-15));
        assertThat(m.r2()).isCloseTo(3.0 / 8, within(1e-15));
    }

    @Test
    void severalColumnsPoolErrorsAndAverageR2() {
        // column 0 exact (R² 1); column 1 errors 1, -1 on targets 0, 2 (SS_tot 2, SS_res 2, R² 0)
        RegressionMetrics m = RegressionMetrics.of(new double[][] {{1, 1}, {2, 1}},
                new double[][] {{1, 0}, {2, 2}});
        assertThat(m.rmse()).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(m.mae()).isCloseTo(0.5, within(1e-15));
        assertThat(m.r2()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void relativeToTheOriginal() {
        RegressionMetrics original = new RegressionMetrics(2, 1, 0.9);
        RegressionMetrics.Relative r = new RegressionMetrics(3, 1.5, 0.8).relativeTo(original);
        assertThat(r.rmseRatio()).isEqualTo(1.5);
        assertThat(r.maeRatio()).isEqualTo(1.5);
        assertThat(r.r2Drop()).isCloseTo(0.1, within(1e-15));
        RegressionMetrics perfect = new RegressionMetrics(0, 0, 1);
        assertThat(perfect.relativeTo(perfect).rmseRatio()).isEqualTo(1);
        assertThat(original.relativeTo(perfect).rmseRatio()).isInfinite();
    }

    @Test
    void fidelityComparesWithTheOriginalOutputs() {
        Mlp a = new Mlp(List.of(new DenseLayer(new double[][] {{2}}, new double[] {1}, Activation.IDENTITY)));
        Mlp b = new Mlp(List.of(new DenseLayer(new double[][] {{2}}, new double[] {0}, Activation.IDENTITY)));
        double[][] x = {{0}, {1}, {2}};
        assertThat(RegressionMetrics.fidelity(a, a, x)).isEqualTo(new RegressionMetrics(0, 0, 1));
        RegressionMetrics f = RegressionMetrics.fidelity(a, b, x);
        assertThat(f.rmse()).isEqualTo(1.0);
        assertThat(f.mae()).isEqualTo(1.0);
        // original outputs 1, 3, 5: SS_tot = 8, SS_res = 3
        assertThat(f.r2()).isCloseTo(5.0 / 8, within(1e-15));
    }

    @Test
    void networkOnDataset() {
        // y = 2x + 1 exactly, scored on targets 2x
        Mlp n = new Mlp(List.of(new DenseLayer(new double[][] {{2}}, new double[] {1}, Activation.IDENTITY)));
        Dataset d = new Dataset(List.of("x"), List.of("y"), new double[][] {{0}, {1}, {2}},
                new double[][] {{0}, {2}, {4}});
        RegressionMetrics m = RegressionMetrics.of(n, d);
        assertThat(m.rmse()).isEqualTo(1.0);
        assertThat(m.mae()).isEqualTo(1.0);
        // SS_tot = 8, SS_res = 3
        assertThat(m.r2()).isCloseTo(5.0 / 8, within(1e-15));
        Dataset wrong = new Dataset(List.of("a", "b"), List.of("y"), new double[][] {{0, 1}},
                new double[][] {{0}});
        assertThatThrownBy(() -> RegressionMetrics.of(n, wrong)).isInstanceOf(IllegalArgumentException.class);
    }
}
