package org.odelump.nn.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.odelump.nn.Nets.layer;
import static org.odelump.nn.Nets.mlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.odelump.nn.Activation;
import org.odelump.nn.Mlp;
import org.odelump.nn.Nets;
import org.odelump.nn.prune.PrunedNetwork;
import org.odelump.nn.prune.StructuredMagnitudePruning;

class LeastSquaresSelectionTest {

    private static final double RIDGE = 1e-3;

    /** Activations of a random tanh layer and random targets. */
    private static double[][][] layerData(long seed, int rows, int p, int m) {
        Random rnd = new Random(seed);
        double[][] h = new double[rows][p];
        double[][] t = new double[rows][m];
        double[][] w = new double[p][3];
        for (double[] row : w) {
            for (int i = 0; i < 3; i++) {
                row[i] = rnd.nextGaussian();
            }
        }
        for (int s = 0; s < rows; s++) {
            double[] x = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            for (int j = 0; j < p; j++) {
                h[s][j] = Math.tanh(w[j][0] * x[0] + w[j][1] * x[1] + w[j][2] * x[2] + 0.3 * j);
            }
            for (int k = 0; k < m; k++) {
                t[s][k] = rnd.nextGaussian() + h[s][k % p] * 2;
            }
        }
        return new double[][][] {h, t};
    }

    /** λ as the selection computes it: ridge · mean diag(HᵀH). */
    private static double lambda(double[][] h) {
        double d = 0;
        for (double[] row : h) {
            for (double v : row) {
                d += v * v;
            }
        }
        return RIDGE * d / h[0].length;
    }

    /** The ridge objective of an explicit solve on the neurons {@code keep} plus a bias. */
    private static double objective(double[][] h, double[][] t, int[] keep, double lambda) {
        int q = keep.length + 1;
        double[][] a = new double[h.length][q];
        for (int s = 0; s < h.length; s++) {
            for (int u = 0; u < keep.length; u++) {
                a[s][u] = h[s][keep[u]];
            }
            a[s][keep.length] = 1;
        }
        RealMatrix am = new Array2DRowRealMatrix(a);
        RealMatrix g = am.transpose().multiply(am);
        for (int u = 0; u < keep.length; u++) {
            g.addToEntry(u, u, lambda);
        }
        RealMatrix tm = new Array2DRowRealMatrix(t);
        RealMatrix theta = new LUDecomposition(g).getSolver().solve(am.transpose().multiply(tm));
        RealMatrix r = tm.subtract(am.multiply(theta));
        double j = Math.pow(r.getFrobeniusNorm(), 2);
        for (int u = 0; u < keep.length; u++) {
            for (int k = 0; k < t[0].length; k++) {
                j += lambda * theta.getEntry(u, k) * theta.getEntry(u, k);
            }
        }
        return j;
    }

    private static int[] without(int[] alive, int j) {
        return Arrays.stream(alive).filter(v -> v != j).toArray();
    }

    @Test
    void everyGreedyStepRemovesTheNeuronWhoseExplicitReSolveRaisesTheResidualLeast() {
        double[][][] data = layerData(3, 60, 6, 3);
        double[][] h = data[0];
        double[][] t = data[1];
        double lambda = lambda(h);
        LeastSquaresSelection.Elimination e = new LeastSquaresSelection.Elimination(h, t, RIDGE);
        int[] alive = {0, 1, 2, 3, 4, 5};
        for (int step = 0; step < 5; step++) {
            double base = objective(h, t, alive, lambda);
            int argmin = -1;
            double min = Double.POSITIVE_INFINITY;
            for (int j : alive) {
                double brute = objective(h, t, without(alive, j), lambda) - base;
                assertThat(e.increase(j)).as("step %d neuron %d", step, j)
                        .isCloseTo(brute, org.assertj.core.api.Assertions.within(1e-8 * (1 + base)));
                if (brute < min) {
                    min = brute;
                    argmin = j;
                }
            }
            int chosen = e.cheapest();
            assertThat(chosen).as("step %d", step).isEqualTo(argmin);
            e.remove(chosen);
            alive = without(alive, chosen);
            assertThat(e.survivors()).containsExactly(alive);
        }
    }

    @Test
    void downdatedCoefficientsEqualAFreshSolveOnTheSurvivors() {
        double[][][] data = layerData(5, 80, 8, 4);
        LeastSquaresSelection.Elimination e = new LeastSquaresSelection.Elimination(data[0], data[1], RIDGE);
        for (int j : new int[] {6, 1, 3}) {
            e.remove(j);
        }
        double[][] down = e.coefficients();
        double[][] fresh = e.solve(e.survivors());
        assertThat(e.survivors()).containsExactly(0, 2, 4, 5, 7);
        assertThat(down.length).isEqualTo(fresh.length);
        for (int u = 0; u < fresh.length; u++) {
            for (int k = 0; k < fresh[u].length; k++) {
                assertThat(down[u][k]).isCloseTo(fresh[u][k], org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    /** 3-6-4-1; hidden neuron 4 duplicates neuron 1 and neuron 5 is the sign twin of neuron 2 (tanh is odd). */
    private static Mlp planted() {
        Mlp base = Nets.random(11, 3, 6, 4, 1);
        double[][] w = base.layer(0).weights();
        double[] b = base.layer(0).bias();
        w[4] = w[1].clone();
        b[4] = b[1];
        for (int i = 0; i < 3; i++) {
            w[5][i] = -w[2][i];
        }
        b[5] = -b[2];
        return mlp(layer(w, b, Activation.TANH), base.layer(1), base.layer(2));
    }

    @Test
    void plantedRedundantNeuronsGoFirstWithZeroIncreaseAndEpsilonZeroRemovesOnlyThem() {
        Mlp net = planted();
        double[][] cal = Nets.inputs(12, 200, 3);
        LeastSquaresSelection.Result r = new LeastSquaresSelection(net, cal, 1e-10, 0.0).compute();
        assertThat(r.network().widths()).containsExactly(3, 4, 4, 1);
        int[] kept = r.neuronOrigin().get(0);
        List<Integer> removed = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            final int jj = j;
            if (Arrays.stream(kept).noneMatch(k -> k == jj)) {
                removed.add(j);
            }
        }
        assertThat(removed).hasSize(2).containsAnyOf(1, 4).containsAnyOf(2, 5);
        assertThat(r.increases().get(0)).hasSize(2);
        assertThat(Arrays.stream(r.increases().get(0)).max().orElseThrow()).isLessThan(1e-9);
        assertThat(r.increases().get(1)).isEmpty();
        assertThat(Nets.maxDeviation(net, r.network(), Nets.inputs(13, 200, 3))).isLessThan(1e-6);

        // with a small ε the next removal costs a real residual increase
        LeastSquaresSelection.Result more = new LeastSquaresSelection(net, cal, 1e-10, 0.5).compute();
        assertThat(more.network().layer(0).outputs()).isLessThan(4);
        assertThat(more.increases().get(0)[2]).isGreaterThan(1e-6);
    }

    @Test
    void sizeFallsMonotonicallyWithEpsilonAndTwoLeavesOneNeuronPerLayer() {
        Mlp net = Nets.random(21, 4, 16, 12, 2);
        double[][] cal = Nets.inputs(22, 300, 4);
        long previous = Long.MAX_VALUE;
        for (double eps : new double[] {0, 1e-4, 1e-3, 1e-2, 0.05, 0.1, 0.3, 1, 2}) {
            long size = new LeastSquaresSelection(net, cal, LeastSquaresRefit.DEFAULT_RIDGE, eps).compute()
                    .network().parameterCount();
            assertThat(size).as("epsilon %s", eps).isLessThanOrEqualTo(previous);
            previous = size;
        }
        assertThat(new LeastSquaresSelection(net, cal, 1e-6, 2.0).compute().network().widths())
                .containsExactly(4, 1, 1, 2);
    }

    @Test
    void parameterBudgetIsMetByBisectionAndFixedWidthsAreKept() {
        Mlp net = Nets.random(31, 4, 16, 12, 1);
        double[][] cal = Nets.inputs(32, 300, 4);
        long budget = net.parameterCount() / 2;
        LeastSquaresSelection.Result r = LeastSquaresSelection.withValidatedRidge(net, cal,
                (rows, ridge) -> LeastSquaresSelection.atMost(net, rows, ridge, budget));
        assertThat(r.network().parameterCount()).isLessThanOrEqualTo(budget).isGreaterThan(budget - 30);
        assertThat(Arrays.stream(LeastSquaresRefit.RIDGE_GRID).boxed().toList()).contains(r.ridge());
        // the lsq network reproduces the original better than structured pruning to the same count with refit
        PrunedNetwork s = new StructuredMagnitudePruning(net, r.network().parameterCount()).compute();
        Mlp refitted = Compensation.REFIT.apply(net, s, cal);
        double[][] test = Nets.inputs(33, 300, 4);
        assertThat(Nets.maxDeviation(net, r.network(), test)).isLessThan(Nets.maxDeviation(net, refitted, test));

        LeastSquaresSelection.Result fixed = new LeastSquaresSelection(net, cal, 1e-6, new int[] {5, 7}).compute();
        assertThat(fixed.network().widths()).containsExactly(4, 5, 7, 1);
        assertThatThrownBy(() -> LeastSquaresSelection.atMost(net, cal, 1e-6, 8))
                .isInstanceOf(SizeTargetUnreachableException.class).hasMessageContaining("out of reach");
    }

    @Test
    void badInputsAreRefused() {
        Mlp net = Nets.random(41, 2, 4, 1);
        double[][] cal = Nets.inputs(42, 20, 2);
        assertThatThrownBy(() -> new LeastSquaresSelection(net, cal, 1e-6, -1.0))
                .hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new LeastSquaresSelection(net, cal, 0, 0.1)).hasMessageContaining("ridge");
        assertThatThrownBy(() -> new LeastSquaresSelection(net, cal, 1e-6, new int[] {0}))
                .hasMessageContaining("outside 1..4");
        assertThatThrownBy(() -> new LeastSquaresSelection(net, Nets.inputs(1, 1, 2), 1e-6, 0.1))
                .hasMessageContaining("at least 2");
    }
}
