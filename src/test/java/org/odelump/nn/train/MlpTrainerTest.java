package org.odelump.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.odelump.nn.Activation;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.Standardisation;

class MlpTrainerTest {

    /** y = sin(x0) + x1² (+ noise) on x uniform in [−2, 2]^features. */
    static Dataset smooth(int rows, int features, double noise, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[rows][features];
        double[][] y = new double[rows][1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < features; c++) {
                x[r][c] = 4 * rnd.nextDouble() - 2;
            }
            y[r][0] = Math.sin(x[r][0]) + x[r][1] * x[r][1] + noise * rnd.nextGaussian();
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < features; c++) {
            names.add("x" + c);
        }
        return new Dataset(names, List.of("y"), x, y);
    }

    private static MlpTrainer.Result run(Dataset d, TrainingOptions o) {
        Dataset.Split s = d.split(0.8, 0.1, 0.1, 1);
        Standardisation st = Standardisation.fit(s.train());
        return new MlpTrainer(st.apply(s.train()), st.apply(s.validation()), o, TrainingListener.NONE).train();
    }

    @Test
    void sameSeedGivesBitwiseIdenticalWeightsAndOtherSeedsDiffer() {
        Dataset d = smooth(300, 4, 0.05, 11);
        for (Activation act : List.of(Activation.TANH, Activation.LOGISTIC, Activation.RELU)) {
            TrainingOptions o = new TrainingOptions(List.of(16, 8), act, 3e-3, 32, 15, 0, 5);
            MlpTrainer.Result a = run(d, o);
            MlpTrainer.Result b = run(d, o);
            MlpTrainer.Result c = run(d, o.withSeed(6));
            assertThat(a.network()).isEqualTo(b.network());
            assertThat(a.report().trainLoss()).isEqualTo(b.report().trainLoss());
            assertThat(a.report().validationLoss()).isEqualTo(b.report().validationLoss());
            assertThat(c.network()).isNotEqualTo(a.network());
            assertThat(a.network().widths()).containsExactly(4, 16, 8, 1);
            assertThat(a.network().layer(0).activation()).isEqualTo(act);
            assertThat(a.network().layer(2).activation()).isEqualTo(Activation.IDENTITY);
        }
    }

    @Test
    void fitsASmoothFunctionWellBelowTheTargetSpread() {
        Dataset d = smooth(2000, 2, 0.0, 3);
        Dataset.Split s = d.split(0.8, 0.1, 0.1, 4);
        Standardisation st = Standardisation.fit(s.train());
        TrainingOptions o = new TrainingOptions(List.of(32, 32), Activation.TANH, 3e-3, 32, 150, 20, 9);
        MlpTrainer.Result r = new MlpTrainer(st.apply(s.train()), st.apply(s.validation()), o,
                TrainingListener.NONE).train();
        // RMSE in original units, through the inverse standardisation
        double sq = 0;
        double mean = 0;
        for (int i = 0; i < s.test().rows(); i++) {
            mean += s.test().target(i, 0);
        }
        mean /= s.test().rows();
        double var = 0;
        for (int i = 0; i < s.test().rows(); i++) {
            double pred = st.restoreTarget(r.network().apply(st.standardiseInput(s.test().inputRow(i))))[0];
            double e = pred - s.test().target(i, 0);
            sq += e * e;
            double dv = s.test().target(i, 0) - mean;
            var += dv * dv;
        }
        double rmse = Math.sqrt(sq / s.test().rows());
        double std = Math.sqrt(var / s.test().rows());
        assertThat(rmse).isLessThan(0.05 * std);
        assertThat(r.report().bestValidationLoss()).isLessThan(0.0025);
    }

    @Test
    void earlyStoppingRestoresTheBestValidationEpoch() {
        // pure-noise targets: the validation loss can only get worse once the network memorises the noise
        Random rnd = new Random(2);
        double[][] x = new double[160][3];
        double[][] y = new double[160][1];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < 3; c++) {
                x[r][c] = rnd.nextGaussian();
            }
            y[r][0] = rnd.nextGaussian();
        }
        Dataset d = new Dataset(List.of("a", "b", "c"), List.of("y"), x, y);
        Dataset.Split s = d.split(0.5, 0.5, 0.0, 3);
        int patience = 7;
        TrainingOptions o = new TrainingOptions(List.of(64, 64), Activation.TANH, 1e-2, 16, 500, patience, 1);
        List<double[]> seen = new ArrayList<>();
        MlpTrainer.Result r = new MlpTrainer(s.train(), s.validation(), o,
                (epoch, max, tl, vl) -> seen.add(new double[] {epoch, max, tl, vl})).train();
        TrainingReport rep = r.report();
        assertThat(rep.stoppedEarly()).isTrue();
        assertThat(rep.epochsRun()).isEqualTo(rep.bestEpoch() + patience).isLessThan(500);
        double min = rep.validationLoss().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(rep.bestValidationLoss()).isEqualTo(min);
        assertThat(rep.validationLoss().indexOf(min) + 1).isEqualTo(rep.bestEpoch());
        // the returned weights are the best epoch's, not the last epoch's
        double valMse = MlpTrainer.meanSquaredError(r.network(), s.validation());
        assertThat(valMse).isCloseTo(min, within(1e-12));
        assertThat(rep.validationLoss().get(rep.epochsRun() - 1)).isGreaterThan(min);
        // the listener saw every epoch with the reported numbers
        assertThat(seen).hasSize(rep.epochsRun());
        for (int e = 0; e < seen.size(); e++) {
            assertThat(seen.get(e)[0]).isEqualTo(e + 1);
            assertThat(seen.get(e)[1]).isEqualTo(500);
            assertThat(seen.get(e)[2]).isEqualTo(rep.trainLoss().get(e));
            assertThat(seen.get(e)[3]).isEqualTo(rep.validationLoss().get(e));
        }
    }

    @Test
    void continuingFromANetworkKeepsItsShapeAndLowersTheLoss() {
        Dataset d = smooth(400, 2, 0.0, 8);
        Dataset.Split s = d.split(0.8, 0.2, 0.0, 1);
        Standardisation st = Standardisation.fit(s.train());
        Dataset tr = st.apply(s.train());
        Dataset va = st.apply(s.validation());
        TrainingOptions o = new TrainingOptions(List.of(12), Activation.LOGISTIC, 1e-2, 32, 5, 0, 3);
        MlpTrainer.Result first = new MlpTrainer(tr, va, o, TrainingListener.NONE).train();
        MlpTrainer.Result more = new MlpTrainer(tr, va, o.withEpochs(40, 0), TrainingListener.NONE)
                .train(first.network());
        assertThat(more.network().widths()).containsExactly(first.network().widths());
        assertThat(more.report().bestValidationLoss()).isLessThan(first.report().bestValidationLoss());
    }

    @Test
    void withoutValidationTheLastEpochIsKept() {
        Dataset d = smooth(100, 2, 0.0, 8);
        Dataset.Split s = d.split(1.0, 0.0, 0.0, 1);
        TrainingOptions o = new TrainingOptions(List.of(4), Activation.TANH, 1e-2, 10, 6, 2, 3);
        MlpTrainer.Result r = new MlpTrainer(s.train(), s.validation(), o, TrainingListener.NONE).train();
        assertThat(r.report().bestEpoch()).isEqualTo(6);
        assertThat(r.report().validationLoss()).allMatch(v -> Double.isNaN(v));
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> new TrainingOptions(List.of(0), Activation.TANH, 1e-3, 8, 1, 0, 1))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new TrainingOptions(List.of(4), Activation.IDENTITY, 1e-3, 8, 1, 0, 1))
                .hasMessageContaining("nonlinear");
        assertThatThrownBy(() -> new TrainingOptions(List.of(4), Activation.TANH, 0, 8, 1, 0, 1))
                .hasMessageContaining("learning rate");
        Dataset d = smooth(10, 2, 0, 1);
        Dataset other = smooth(10, 3, 0, 1);
        TrainingOptions o = TrainingOptions.defaults(List.of(4), Activation.TANH, 1);
        assertThatThrownBy(() -> new MlpTrainer(d, other, o, TrainingListener.NONE))
                .hasMessageContaining("validation split");
    }

    @Test
    void theTrainersTanhAgreesWithTheLibraryTanh() {
        for (double z = -25; z <= 25; z += 0.001) {
            assertThat(MlpTrainer.tanh(z)).isCloseTo(Math.tanh(z), within(4e-16));
            assertThat(MlpTrainer.tanh(-z)).isEqualTo(-MlpTrainer.tanh(z));
        }
        for (double z : new double[] {1e-300, 1e-9, -3e-12, 1e-8, 2e-8, 1e-5, 0.00999, 0.01, 0.0101, 0.3, 0.55}) {
            assertThat(MlpTrainer.tanh(z)).isCloseTo(Math.tanh(z), within(Math.abs(z) * 1e-13));
        }
        assertThat(MlpTrainer.tanh(0.0)).isEqualTo(0.0);
    }
}
