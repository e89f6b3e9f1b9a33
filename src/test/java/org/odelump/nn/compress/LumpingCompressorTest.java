package org.odelump.nn.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.odelump.lumping.EpsilonMode;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.compress.LumpingCompressor.Method;

class LumpingCompressorTest {

    /** Inserts a neuron at the end of hidden layer l with the given row, bias and outgoing column. */
    static Mlp insert(Mlp net, int l, double[] row, double bias, double[] column) {
        List<DenseLayer> layers = new ArrayList<>(net.layers());
        DenseLayer d = net.layer(l);
        double[][] w = java.util.Arrays.copyOf(d.weights(), d.outputs() + 1);
        w[d.outputs()] = row.clone();
        double[] b = java.util.Arrays.copyOf(d.bias(), d.outputs() + 1);
        b[d.outputs()] = bias;
        layers.set(l, new DenseLayer(w, b, d.activation()));
        DenseLayer nx = net.layer(l + 1);
        double[][] w2 = nx.weights();
        for (int m = 0; m < w2.length; m++) {
            w2[m] = java.util.Arrays.copyOf(w2[m], w2[m].length + 1);
            w2[m][w2[m].length - 1] = column[m];
        }
        layers.set(l + 1, new DenseLayer(w2, nx.bias(), nx.activation()));
        return new Mlp(layers);
    }

    static double[] column(Mlp net, int l, int j) {
        DenseLayer nx = net.layer(l + 1);
        double[] c = new double[nx.outputs()];
        for (int m = 0; m < c.length; m++) {
            c[m] = nx.weight(m, j);
        }
        return c;
    }

    static double[] randomVector(Random rnd, int n) {
        return NetworkEncoderTest.randomInput(rnd, n);
    }

    static double[] scaled(double[] v, double f) {
        double[] o = v.clone();
        for (int i = 0; i < o.length; i++) {
            o[i] *= f;
        }
        return o;
    }

    static double maxError(Mlp a, Mlp b, Random rnd) {
        double e = 0;
        for (int k = 0; k < 200; k++) {
            double[] x = scaled(randomVector(rnd, a.inputs()), 2);
            double[] ya = a.apply(x);
            double[] yb = b.apply(x);
            for (int i = 0; i < ya.length; i++) {
                e = Math.max(e, Math.abs(ya[i] - yb[i]));
            }
        }
        return e;
    }

    /** Plants a duplicate, a sign twin (not for ReLU), a dead and a no-effect neuron in every hidden layer. */
    static Mlp plant(Mlp base, Random rnd) {
        Mlp net = base;
        for (int l = 0; l < base.layers().size() - 1; l++) {
            DenseLayer d = net.layer(l);
            int out = net.layer(l + 1).outputs();
            net = insert(net, l, d.weights()[0], d.bias(0), randomVector(rnd, out));
            if (d.activation() != Activation.RELU) {
                net = insert(net, l, scaled(d.weights()[1], -1), -d.bias(1), randomVector(rnd, out));
            }
            net = insert(net, l, new double[d.inputs()], 0.7, randomVector(rnd, out));
            net = insert(net, l, randomVector(rnd, d.inputs()), 0.3, new double[out]);
        }
        return net;
    }

    static LumpingCompressor.Result run(Mlp net, Method m, double eps, EpsilonMode mode) {
        return new LumpingCompressor(net, m, eps, mode).compute();
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void plantedRedundancyCompressesExactlyAtEpsilonZero(Method method) {
        for (Activation act : List.of(Activation.TANH, Activation.LOGISTIC, Activation.RELU)) {
            Random rnd = new Random(7 + act.ordinal());
            Mlp base = NetworkEncoderTest.randomNet(rnd, act, 4, 6, 5, 2);
            Mlp planted = plant(base, rnd);
            assertThat(planted.widths()).isNotEqualTo(base.widths());
            LumpingCompressor.Result r = run(planted, method, 0, EpsilonMode.ABS);
            assertThat(r.network().widths()).as(act + " " + method).containsExactly(base.widths());
            assertThat(maxError(planted, r.network(), rnd)).as(act + " " + method).isLessThan(1e-12);
            assertThat(r.exact().total()).isPositive();
            if (act != Activation.RELU) {
                assertThat(r.exact().twins()).as(act + " " + method).isEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void nearDuplicatesMergeAboveTheirDistanceAndTheErrorShrinksWithNoise(Method method) {
        double previous = Double.POSITIVE_INFINITY;
        for (double delta : new double[] {1e-2, 1e-3, 1e-4}) {
            Random rnd = new Random(21);
            Mlp base = NetworkEncoderTest.randomNet(rnd, Activation.TANH, 4, 6, 5, 3);
            double[] row = base.layer(0).weights()[2];
            double[] col = column(base, 0, 2);
            for (int i = 0; i < row.length; i++) {
                row[i] += rnd.nextBoolean() ? delta : -delta;
            }
            for (int m = 0; m < col.length; m++) {
                col[m] += rnd.nextBoolean() ? delta : -delta;
            }
            Mlp net = insert(base, 0, row, base.layer(0).bias(2) + delta, col);
            // distances (class Javadoc): AFDE 3·‖Δcol‖₁ = 15δ, ABDE 2·(‖Δrow‖₁ + |Δb|) = 10δ
            double distance = method == Method.AFDE ? 15 * delta : 10 * delta;
            LumpingCompressor.Result below = run(net, method, 0.9 * distance, EpsilonMode.ABS);
            assertThat(below.network().widths()).containsExactly(net.widths());
            LumpingCompressor.Result above = run(net, method, 1.1 * distance, EpsilonMode.ABS);
            assertThat(above.network().widths()).containsExactly(base.widths());
            double err = maxError(net, above.network(), new Random(5));
            assertThat(err).isPositive().isLessThan(previous / 3).isLessThan(100 * delta);
            previous = err;
        }
    }

    @Test
    void encodingInMemoryGivesTheSamePartitionsAsTheParsedText() {
        Random rnd = new Random(99);
        for (int trial = 0; trial < 6; trial++) {
            Activation act = trial % 2 == 0 ? Activation.TANH : Activation.LOGISTIC;
            Mlp net = plant(NetworkEncoderTest.randomNet(rnd, act, 3, 7, 6, 2), rnd);
            LumpingCompressor.Prepared text = LumpingCompressor.prepare(net, 50, true);
            LumpingCompressor.Prepared direct = LumpingCompressor.prepare(net, 50, false);
            assertThat(text.system().drifts()).isEqualTo(direct.system().drifts());
            for (Method m : Method.values()) {
                for (double eps : new double[] {0, 0.1, 0.3, 0.6}) {
                    LumpingCompressor.Result a = new LumpingCompressor(text, m, eps, EpsilonMode.REL,
                            org.odelump.lumping.Grouping.COMPONENTS, org.odelump.lumping.Tolerance.DEFAULT)
                            .compute();
                    LumpingCompressor.Result b = new LumpingCompressor(direct, m, eps, EpsilonMode.REL,
                            org.odelump.lumping.Grouping.COMPONENTS, org.odelump.lumping.Tolerance.DEFAULT)
                            .compute();
                    assertThat(b.partitions()).isEqualTo(a.partitions());
                    assertThat(b.network()).isEqualTo(a.network());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void aHugeEpsilonKeepsOneNeuronPerLayerAndRecordsItsInputs(Method method) {
        Mlp net = NetworkEncoderTest.randomNet(new Random(8), Activation.TANH, 3, 6, 5, 2);
        LumpingCompressor.Result r = run(net, method, 1e6, EpsilonMode.ABS);
        assertThat(r.network().widths()).containsExactly(3, 1, 1, 2);
        assertThat(r.partitions()).extracting(org.odelump.model.Partition::size).containsExactly(1, 1);
        assertThat(r.epsilon()).isEqualTo(1e6);
        assertThat(r.method()).isEqualTo(method);
        assertThat(r.totalNanos()).isGreaterThanOrEqualTo(r.lumpNanos());
        assertThat(r.provenance()).contains("layer-wise").contains("COMPONENTS");
    }

    /** Brute force: neurons of hidden layer l with identical outgoing columns. */
    static org.odelump.model.Partition equalColumns(Mlp net, int l) {
        int n = net.layer(l).outputs();
        int[] labels = new int[n];
        for (int j = 0; j < n; j++) {
            labels[j] = j;
            for (int k = 0; k < j; k++) {
                if (java.util.Arrays.equals(column(net, l, j), column(net, l, k))) {
                    labels[j] = labels[k];
                    break;
                }
            }
        }
        return org.odelump.model.Partition.fromLabels(labels);
    }

    /** Brute force classic BDE (§2.2): equal biases and equal block-row sums over the previous layer's blocks. */
    static List<org.odelump.model.Partition> blockRowSums(Mlp net) {
        List<org.odelump.model.Partition> out = new ArrayList<>();
        org.odelump.model.Partition up = org.odelump.model.Partition.discrete(net.inputs());
        for (int l = 0; l + 1 < net.layers().size(); l++) {
            DenseLayer d = net.layer(l);
            List<List<Double>> keys = new ArrayList<>();
            int[] labels = new int[d.outputs()];
            for (int j = 0; j < d.outputs(); j++) {
                List<Double> key = new ArrayList<>();
                key.add(d.bias(j));
                for (int b = 0; b < up.size(); b++) {
                    double sum = 0;
                    for (int i : up.block(b)) {
                        sum += d.weight(j, i);
                    }
                    key.add(sum);
                }
                int found = keys.indexOf(key);
                if (found < 0) {
                    found = keys.size();
                    keys.add(key);
                }
                labels[j] = found;
            }
            up = org.odelump.model.Partition.fromLabels(labels);
            out.add(up);
        }
        return out;
    }

    @Test
    void atEpsilonZeroTheOdeRouteFindsEqualColumnsAndBlockRowSums() {
        Random rnd = new Random(31);
        for (int trial = 0; trial < 8; trial++) {
            Activation act = List.of(Activation.TANH, Activation.LOGISTIC).get(trial % 2);
            Mlp net = NetworkEncoderTest.randomNet(rnd, act, 3, 6, 5, 2);
            // layer 1: neurons 0 and 1 get the same row and bias; neuron 2 gets neuron 3's outgoing column
            double[][] w1 = net.layer(0).weights();
            double[] b1 = net.layer(0).bias();
            w1[1] = w1[0].clone();
            b1[1] = b1[0];
            double[][] w2 = net.layer(1).weights();
            for (int m = 0; m < w2.length; m++) {
                w2[m][2] = w2[m][3];
            }
            // layer 2: neuron 1 = neuron 0 with the weights from the twin neurons 0 and 1 swapped (same block sums)
            w2[1] = w2[0].clone();
            w2[1][0] = w2[0][1];
            w2[1][1] = w2[0][0];
            double[] b2 = net.layer(1).bias();
            b2[1] = b2[0];
            double[][] w3 = net.layer(2).weights();
            for (int m = 0; m < w3.length; m++) {
                w3[m][4] = w3[m][2];
            }
            Mlp planted = new Mlp(List.of(new DenseLayer(w1, b1, act), new DenseLayer(w2, b2, act), net.layer(2)));
            LumpingCompressor.Result fe = run(planted, Method.AFDE, 0, EpsilonMode.ABS);
            assertThat(fe.partitions()).containsExactly(equalColumns(planted, 0), equalColumns(planted, 1));
            assertThat(fe.partitions().get(0).size()).isLessThan(6);
            LumpingCompressor.Result be = run(planted, Method.ABDE, 0, EpsilonMode.ABS);
            assertThat(be.partitions()).isEqualTo(blockRowSums(planted));
            assertThat(be.partitions().get(1).size()).isEqualTo(4);
            assertThat(maxError(planted, be.network(), rnd)).isLessThan(1e-12);
        }
    }

    @Test
    void relativeEpsilonIsTheRelativeColumnDifferenceForAfde() {
        Random rnd = new Random(4);
        Mlp base = NetworkEncoderTest.randomNet(rnd, Activation.TANH, 3, 5, 4, 1);
        double[] col = column(base, 0, 1);
        double[] near = scaled(col, 1.05); // relative L1 difference 0.05/1.05 of the larger column
        Mlp net = insert(base, 0, base.layer(0).weights()[1], base.layer(0).bias(1), near);
        double rel = 0.05 / 1.05;
        // the exact duplicate step would merge the twin rows anyway: the ε-partition shows the threshold
        assertThat(run(net, Method.AFDE, 0.99 * rel, EpsilonMode.REL).partitions().get(0).size()).isEqualTo(6);
        LumpingCompressor.Result r = run(net, Method.AFDE, 1.01 * rel, EpsilonMode.REL);
        assertThat(r.network().widths()).containsExactly(base.widths());
        assertThat(r.partitions().get(0).size()).isEqualTo(5);
        // identical rows: the merge of a forward block is exact
        assertThat(maxError(net, r.network(), rnd)).isLessThan(1e-12);
    }
}
