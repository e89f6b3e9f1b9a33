package org.odelump.nn.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.odelump.nn.Nets.layer;
import static org.odelump.nn.Nets.mlp;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.Nets;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.prune.GlobalMagnitudePruning;
import org.odelump.nn.prune.PrunedNetwork;
import org.odelump.nn.prune.StructuredMagnitudePruning;
import org.odelump.nn.prune.WandaPruning;

class LeastSquaresRefitTest {

    @Test
    void refitRestoresANetworkWhosePrunedNeuronWasADuplicate() {
        // neurons 0 and 1 are duplicates; neuron 1 has the lowest score (small outgoing weight 0.3)
        Mlp n = mlp(layer(new double[][] {{1, -0.5}, {1, -0.5}, {0.3, 0.8}}, new double[] {0.2, 0.2, -0.1},
                Activation.TANH), layer(new double[][] {{1, 0.3, 2}}, new double[] {0.5}, Activation.IDENTITY));
        PrunedNetwork pruned = new StructuredMagnitudePruning(n, new int[] {2}).compute();
        assertThat(pruned.neuronOrigin(0)).containsExactly(0, 2);
        double[][] calibration = Nets.inputs(21, 100, 2);
        double[][] test = Nets.inputs(22, 100, 2);
        assertThat(Nets.maxDeviation(n, pruned.network(), test)).isGreaterThan(1e-2);

        LeastSquaresRefit.Result r = new LeastSquaresRefit(n, pruned, calibration).compute();
        assertThat(r.accepted()).isTrue();
        assertThat(r.refittedLayers()).containsExactly(1);
        DenseLayer out = r.network().layer(1);
        assertThat(out.weight(0, 0)).isCloseTo(1.3, within(1e-8));
        assertThat(out.weight(0, 1)).isCloseTo(2, within(1e-8));
        assertThat(out.bias(0)).isCloseTo(0.5, within(1e-8));
        assertThat(Nets.maxDeviation(n, r.network(), test)).isLessThan(1e-9);
        assertThat(r.calibrationMseAfter()).isLessThan(1e-18).isLessThan(r.calibrationMseBefore());
        assertThat(r.network().layer(0)).isEqualTo(pruned.network().layer(0));
    }

    @Test
    void refitRestoresDuplicatesRemovedInTwoConsecutiveHiddenLayers() {
        // layer 0: neuron 1 duplicates neuron 0; layer 1: neuron 1 duplicates neuron 0; both duplicates score lowest
        Mlp n = mlp(layer(new double[][] {{1, -0.5}, {1, -0.5}, {0.3, 0.8}}, new double[] {0.2, 0.2, -0.1},
                Activation.TANH),
                layer(new double[][] {{0.7, 0.2, -0.4}, {0.7, 0.2, -0.4}, {-0.5, 0.1, 0.9}},
                        new double[] {0.1, 0.1, -0.3}, Activation.TANH),
                layer(new double[][] {{1.2, 0.25, -0.8}}, new double[] {0.05}, Activation.IDENTITY));
        PrunedNetwork pruned = new StructuredMagnitudePruning(n, new int[] {2, 2}).compute();
        assertThat(pruned.neuronOrigin(0)).containsExactly(0, 2);
        assertThat(pruned.neuronOrigin(1)).containsExactly(0, 2);
        LeastSquaresRefit.Result r = new LeastSquaresRefit(n, pruned, Nets.inputs(23, 100, 2)).compute();
        assertThat(r.refittedLayers()).containsExactly(1, 2);
        // layer 1 row 0 takes both duplicates' outgoing weights: 0.7 + 0.2
        assertThat(r.network().layer(1).weight(0, 0)).isCloseTo(0.9, within(1e-8));
        assertThat(r.network().layer(2).weight(0, 0)).isCloseTo(1.45, within(1e-8));
        assertThat(Nets.maxDeviation(n, r.network(), Nets.inputs(24, 100, 2))).isLessThan(1e-9);
    }

    @Test
    void refitKeepsTheZeroPatternAndLowersTheCalibrationError() {
        Mlp base = Nets.random(31, 4, 10, 8, 2);
        // a zero bias in layer 1 must stay zero
        DenseLayer l1 = base.layer(1);
        double[] b1 = l1.bias();
        b1[0] = 0;
        Mlp n = new Mlp(List.of(base.layer(0), new DenseLayer(l1.weights(), b1, l1.activation()), base.layer(2)));
        double[][] calibration = Nets.inputs(32, 200, 4);
        PrunedNetwork pruned = new GlobalMagnitudePruning(n, n.nonZeroCount() / 2).compute();
        LeastSquaresRefit.Result r = new LeastSquaresRefit(n, pruned, calibration).compute();

        assertThat(r.accepted()).isTrue();
        assertThat(r.refittedLayers()).containsExactly(1, 2);
        assertThat(r.calibrationMseAfter()).isLessThan(r.calibrationMseBefore());
        assertThat(r.network().nonZeroCount()).isLessThanOrEqualTo(pruned.achievedNonZero());
        for (int l = 0; l < 3; l++) {
            DenseLayer before = pruned.network().layer(l);
            DenseLayer after = r.network().layer(l);
            for (int j = 0; j < before.outputs(); j++) {
                for (int i = 0; i < before.inputs(); i++) {
                    if (before.weight(j, i) == 0.0) {
                        assertThat(after.weight(j, i)).isZero();
                    }
                }
            }
        }
        assertThat(r.network().layer(1).bias(0)).isZero();
        assertThat(r.network().layer(0)).isEqualTo(pruned.network().layer(0));
        // held-out error improves as well on this smooth problem
        double[][] test = Nets.inputs(33, 200, 4);
        assertThat(mse(n, r.network(), test)).isLessThan(mse(n, pruned.network(), test));
    }

    @Test
    void refitAllAlsoResolvesThePrunedFirstLayerKeepingItsZerosAndMatchesItsPreActivationsBetter() {
        Mlp n = Nets.random(35, 4, 10, 8, 1);
        double[][] calibration = Nets.inputs(36, 9, 4); // fewer than 10 rows: the default ridge
        PrunedNetwork pruned = new GlobalMagnitudePruning(n, n.nonZeroCount() / 2).compute();
        LeastSquaresRefit.Result refit = LeastSquaresRefit.withValidatedRidge(n, pruned.network(),
                pruned.neuronOrigin(), calibration);
        LeastSquaresRefit.Result all = LeastSquaresRefit.withValidatedRidge(n, pruned.network(),
                pruned.neuronOrigin(), null, true, calibration);
        assertThat(refit.network().layer(0)).isEqualTo(pruned.network().layer(0));
        assertThat(all.accepted()).isTrue();
        assertThat(all.refittedLayers()).containsExactly(0, 1, 2);
        assertThat(all.network().layer(0)).isNotEqualTo(pruned.network().layer(0));
        DenseLayer before = pruned.network().layer(0);
        DenseLayer after = all.network().layer(0);
        for (int j = 0; j < before.outputs(); j++) {
            for (int i = 0; i < before.inputs(); i++) {
                assertThat(after.weight(j, i) == 0.0).isEqualTo(before.weight(j, i) == 0.0);
            }
        }
        assertThat(all.network().nonZeroCount()).isEqualTo(pruned.network().nonZeroCount());
        // each kept row is the least-squares fit of the original pre-activation, so the layer matches it better
        // than the pruned layer does (the end-to-end error need not drop: the fit is layer by layer)
        double prunedError = 0;
        double fittedError = 0;
        for (double[] xs : calibration) {
            double[] z = n.layer(0).preActivation(xs);
            double[] zp = before.preActivation(xs);
            double[] zf = after.preActivation(xs);
            for (int j = 0; j < z.length; j++) {
                prunedError += (zp[j] - z[j]) * (zp[j] - z[j]);
                fittedError += (zf[j] - z[j]) * (zf[j] - z[j]);
            }
        }
        assertThat(fittedError).isLessThan(prunedError);
        assertThat(all.calibrationMseAfter()).isLessThanOrEqualTo(all.calibrationMseBefore());
        assertThat(Compensation.REFIT_ALL.apply(n, pruned.network(), pruned.neuronOrigin(), calibration))
                .isEqualTo(all.network());
    }

    @Test
    void refitAllFitsAMergedNeuronToTheInverseActivationOfItsBlocksMeanActivation() {
        // hidden neurons 0 and 1 have different incoming rows; they are merged into one (mean row, summed column)
        Mlp n = mlp(layer(new double[][] {{1.0, -0.5}, {0.3, 0.8}, {-0.7, 0.2}}, new double[] {0.1, -0.2, 0.05},
                Activation.TANH), layer(new double[][] {{0.9, 0.9, -0.4}}, new double[] {0.0}, Activation.IDENTITY));
        Mlp merged = mlp(layer(new double[][] {{0.65, 0.15}, {-0.7, 0.2}}, new double[] {-0.05, 0.05},
                Activation.TANH), layer(new double[][] {{1.8, -0.4}}, new double[] {0.0}, Activation.IDENTITY));
        List<int[]> origin = List.of(new int[] {0, 2}, new int[] {0});
        List<int[][]> blocks = List.of(new int[][] {{0, 1}, {2}}, new int[][] {{0}});
        double[][] x = Nets.inputs(37, 9, 2); // fewer than 10 rows: the default (tiny) ridge, no held-out rows
        LeastSquaresRefit.Result r = LeastSquaresRefit.withValidatedRidge(n, merged, origin, blocks, true, x);
        assertThat(r.accepted()).isTrue();
        DenseLayer fitted = r.network().layer(0);
        // least squares: the residual of the merged row against atanh(mean(tanh z0, tanh z1)) is orthogonal to
        // every free column [x1, x2, 1]
        double[] dot = new double[3];
        for (double[] xs : x) {
            double[] z = n.layer(0).preActivation(xs);
            double m = 0.5 * (Math.tanh(z[0]) + Math.tanh(z[1]));
            double target = 0.5 * Math.log((1 + m) / (1 - m));
            double res = fitted.preActivation(xs)[0] - target;
            dot[0] += res * xs[0];
            dot[1] += res * xs[1];
            dot[2] += res;
        }
        assertThat(dot).containsExactly(new double[] {0, 0, 0}, within(1e-7));
        // the unmerged neuron 2 is fitted to its own pre-activation, which it reproduces exactly
        for (double[] xs : x) {
            assertThat(fitted.preActivation(xs)[1]).isCloseTo(n.layer(0).preActivation(xs)[2], within(1e-7));
        }
        assertThat(r.calibrationMseAfter()).isLessThan(r.calibrationMseBefore());
    }

    @Test
    void anUnchangedNetworkIsNotRefitted() {
        Mlp n = Nets.random(41, 3, 5, 1);
        LeastSquaresRefit.Result r = new LeastSquaresRefit(n, n, PrunedNetwork.identityOrigin(n),
                Nets.inputs(42, 30, 3), LeastSquaresRefit.DEFAULT_RIDGE).compute();
        assertThat(r.refittedLayers()).isEmpty();
        assertThat(r.network()).isEqualTo(n);
        assertThat(r.calibrationMseBefore()).isZero();
    }

    @Test
    void compensationEnumAppliesTheSameRefitToEveryMethod() {
        Mlp n = Nets.random(51, 3, 6, 6, 1);
        double[][] calibration = Nets.inputs(52, 80, 3);
        PrunedNetwork wanda = new WandaPruning(n, calibration, n.nonZeroCount() * 3 / 5).compute();
        assertThat(Compensation.NONE.apply(n, wanda, calibration)).isEqualTo(wanda.network());
        Mlp refit = Compensation.REFIT.apply(n, wanda, calibration);
        assertThat(refit).isEqualTo(LeastSquaresRefit.withValidatedRidge(n, wanda.network(), wanda.neuronOrigin(),
                calibration).network());
        assertThat(mse(n, refit, calibration)).isLessThanOrEqualTo(mse(n, wanda.network(), calibration));
        // deterministic
        assertThat(Compensation.REFIT.apply(n, wanda, calibration)).isEqualTo(refit);
    }

    @Test
    void theValidatedRidgeIsTheGridValueWithTheLeastHeldOutDeviation() {
        Mlp n = Nets.random(71, 4, 12, 12, 1);
        double[][] calibration = Nets.inputs(72, 100, 4);
        PrunedNetwork wanda = new WandaPruning(n, calibration, n.nonZeroCount() / 3).compute();
        LeastSquaresRefit.Result r = LeastSquaresRefit.withValidatedRidge(n, wanda.network(), wanda.neuronOrigin(),
                calibration);
        // recompute the selection from its definition: every fifth row held out, the others fitted
        List<double[]> fit = new ArrayList<>();
        List<double[]> held = new ArrayList<>();
        for (int s = 0; s < calibration.length; s++) {
            (s % 5 == 4 ? held : fit).add(calibration[s]);
        }
        double best = Double.NaN;
        double bestError = Double.POSITIVE_INFINITY;
        for (double ridge : LeastSquaresRefit.RIDGE_GRID) {
            Mlp m = new LeastSquaresRefit(n, wanda.network(), wanda.neuronOrigin(), fit.toArray(new double[0][]),
                    ridge).compute().network();
            double e = RegressionMetrics.fidelity(n, m, held.toArray(new double[0][])).rmse();
            if (e < bestError) {
                bestError = e;
                best = ridge;
            }
        }
        assertThat(r.ridge()).isEqualTo(best);
        assertThat(r.network()).isEqualTo(new LeastSquaresRefit(n, wanda.network(), wanda.neuronOrigin(),
                calibration, best).compute().network());
        assertThat(r.calibrationMseAfter()).isLessThanOrEqualTo(r.calibrationMseBefore());
    }

    @Test
    void badInputsAreRejected() {
        Mlp n = Nets.random(61, 3, 4, 1);
        Mlp other = Nets.random(62, 2, 4, 1);
        List<int[]> id = PrunedNetwork.identityOrigin(n);
        double[][] x = Nets.inputs(63, 10, 3);
        assertThatThrownBy(() -> new LeastSquaresRefit(n, other, id, x, 1e-10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeastSquaresRefit(n, n, id, x, 0)).isInstanceOf(IllegalArgumentException.class);
        List<int[]> bad = new ArrayList<>(id);
        bad.set(0, new int[] {0, 1, 2, 7});
        assertThatThrownBy(() -> new LeastSquaresRefit(n, n, bad, x, 1e-10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names neuron 7");
    }

    private static double mse(Mlp a, Mlp b, double[][] inputs) {
        double s = 0;
        int c = 0;
        for (double[] x : inputs) {
            double[] ya = a.apply(x);
            double[] yb = b.apply(x);
            for (int j = 0; j < ya.length; j++) {
                s += (ya[j] - yb[j]) * (ya[j] - yb[j]);
                c++;
            }
        }
        return s / c;
    }
}
