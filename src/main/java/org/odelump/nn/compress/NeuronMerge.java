package org.odelump.nn.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.odelump.lumping.Tolerance;
import org.odelump.model.Partition;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/**
 * Turns partitions of hidden neurons into a smaller network, then applies the exact reductions (research notes
 * {@code nn-encoding.md} §2.2–§2.4; Dhiman, Passarella, Tribastone, Valerio 2026).
 *
 * <p>Merge of a block B of layer l (layers processed from the input side): the merged neuron gets the mean of the
 * block's incoming rows and biases (rows already carry the previous layer's merges as summed columns), and the
 * next layer receives the sum of the block's outgoing columns. For a backward (BE) block the rows are equal and
 * the merge is exact; for a forward (FE) block the columns are equal, so the summed column is |B| times the
 * common column and the merged neuron stands for the block sum Σ_{i∈B} σ(z_i) ≈ |B|·σ(z̄_B) (exact when the rows
 * are equal too, §2.3).
 *
 * <p>Exact reductions, repeated until nothing changes (each keeps the output identical up to rounding):
 * dead neuron (zero incoming row: h ≡ σ(b), folded into the next biases), no-effect neuron (zero outgoing column:
 * deleted), duplicate neuron (equal rows and biases within the {@link Tolerance}: outgoing columns summed), and,
 * sign-flipped twin ((w_k, b_k) = −(w_j, b_j)): for odd activations h_k = −h_j, outgoing W_{:,j} − W_{:,k}; for
 * the logistic h_k = 1 − h_j, outgoing W_{:,j} − W_{:,k} and W_{:,k} added to the next biases. A
 * layer always keeps at least one neuron. Cost O(Σ_l n_l²·n_{l−1}) per pass.
 */
public final class NeuronMerge {

    /**
     * What the exact reductions removed, summed over the hidden layers.
     *
     * @param dead       neurons with zero incoming weights folded into the next biases
     * @param noEffect   neurons with zero outgoing weights deleted
     * @param duplicates neurons merged into an identical one
     * @param twins      neurons merged into their sign-flipped twin
     */
    public record ExactCounts(int dead, int noEffect, int duplicates, int twins) {
        public int total() {
            return dead + noEffect + duplicates + twins;
        }
    }

    /**
     * The outcome.
     *
     * @param network the compressed network
     * @param exact   what the exact reductions removed
     * @param neuronOrigin per layer, for each neuron of the compressed network the original neuron it stands for
     *                     (a merged block's first member; the kept neuron of a duplicate or twin pair), the form
     *                     {@link Compensation} and {@link LeastSquaresRefit} take
     */
    public record Result(Mlp network, ExactCounts exact, List<int[]> neuronOrigin) {
        public Result {
            List<int[]> copy = new ArrayList<>();
            for (int[] o : neuronOrigin) {
                copy.add(o.clone());
            }
            neuronOrigin = List.copyOf(copy);
        }
    }

    private final Mlp net;
    private final List<Partition> partitions;
    private final boolean exactReductions;
    private final Tolerance tolerance;

    /**
     * @param net             the network
     * @param partitions      one partition of the neurons of every hidden layer (null or discrete: no merge)
     * @param exactReductions apply the exact reductions after the merges
     * @param tolerance       comparison of weights for the exact reductions
     */
    public NeuronMerge(Mlp net, List<Partition> partitions, boolean exactReductions, Tolerance tolerance) {
        this.net = Objects.requireNonNull(net, "net");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.exactReductions = exactReductions;
        int hidden = net.layers().size() - 1;
        if (partitions.size() != hidden) {
            throw new IllegalArgumentException("need " + hidden + " partitions, got " + partitions.size());
        }
        for (int l = 0; l < hidden; l++) {
            Partition p = partitions.get(l);
            if (p != null && p.variableCount() != net.layer(l).outputs()) {
                throw new IllegalArgumentException("partition " + l + " covers " + p.variableCount()
                        + " neurons, the layer has " + net.layer(l).outputs());
            }
        }
        this.partitions = new ArrayList<>(partitions);
    }

    /** Merges, then reduces exactly. */
    public Result compute() {
        List<double[][]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        List<int[]> origin = new ArrayList<>();
        for (DenseLayer d : net.layers()) {
            w.add(d.weights());
            b.add(d.bias());
            int[] id = new int[d.outputs()];
            for (int j = 0; j < id.length; j++) {
                id[j] = j;
            }
            origin.add(id);
        }
        for (int l = 0; l < partitions.size(); l++) {
            Partition p = partitions.get(l);
            if (p != null && p.size() < p.variableCount()) {
                merge(w, b, l, p);
                int[] o = new int[p.size()];
                for (int c = 0; c < o.length; c++) {
                    o[c] = p.block(c)[0];
                }
                origin.set(l, o);
            }
        }
        ExactCounts counts = new ExactCounts(0, 0, 0, 0);
        if (exactReductions) {
            counts = reduce(w, b, origin);
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < w.size(); l++) {
            layers.add(new DenseLayer(w.get(l), b.get(l), net.layer(l).activation()));
        }
        return new Result(new Mlp(layers), counts, origin);
    }

    private static void merge(List<double[][]> w, List<double[]> b, int l, Partition p) {
        double[][] rows = w.get(l);
        double[] bias = b.get(l);
        int k = p.size();
        double[][] newRows = new double[k][];
        double[] newBias = new double[k];
        for (int c = 0; c < k; c++) {
            int[] block = p.block(c);
            double[] row = new double[rows[0].length];
            double bb = 0;
            for (int j : block) {
                for (int i = 0; i < row.length; i++) {
                    row[i] += rows[j][i];
                }
                bb += bias[j];
            }
            for (int i = 0; i < row.length; i++) {
                row[i] /= block.length;
            }
            newRows[c] = row;
            newBias[c] = bb / block.length;
        }
        double[][] next = w.get(l + 1);
        double[][] newNext = new double[next.length][k];
        for (int m = 0; m < next.length; m++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j : p.block(c)) {
                    s += next[m][j];
                }
                newNext[m][c] = s;
            }
        }
        w.set(l, newRows);
        b.set(l, newBias);
        w.set(l + 1, newNext);
    }

    private ExactCounts reduce(List<double[][]> w, List<double[]> b, List<int[]> origin) {
        int dead = 0;
        int noEffect = 0;
        int dup = 0;
        int twins = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int l = 0; l + 1 < w.size(); l++) {
                Activation act = net.layer(l).activation();
                double[][] rows = w.get(l);
                double[] bias = b.get(l);
                double[][] next = w.get(l + 1);
                double[] nextBias = b.get(l + 1);
                int n = rows.length;
                boolean[] gone = new boolean[n];
                int alive = n;
                for (int j = 0; j < n && alive > 1; j++) {
                    if (isZero(rows[j])) {
                        double c = act.apply(bias[j]);
                        for (int m = 0; m < next.length; m++) {
                            nextBias[m] += next[m][j] * c;
                            next[m][j] = 0;
                        }
                        gone[j] = true;
                        alive--;
                        dead++;
                    } else if (columnZero(next, j)) {
                        gone[j] = true;
                        alive--;
                        noEffect++;
                    }
                }
                for (int j = 0; j < n && alive > 1; j++) {
                    if (gone[j]) {
                        continue;
                    }
                    for (int k = j + 1; k < n && alive > 1; k++) {
                        if (gone[k]) {
                            continue;
                        }
                        boolean logistic = act == Activation.LOGISTIC;
                        int sign = act.isOdd() || logistic ? 2 : 1;
                        for (int s = 0; s < sign; s++) {
                            double f = s == 0 ? 1 : -1;
                            if (sameRow(rows[j], bias[j], rows[k], bias[k], f)) {
                                for (int m = 0; m < next.length; m++) {
                                    next[m][j] += f * next[m][k];
                                    if (s == 1 && logistic) {
                                        nextBias[m] += next[m][k]; // σ(−z) = 1 − σ(z)
                                    }
                                }
                                gone[k] = true;
                                alive--;
                                if (s == 0) {
                                    dup++;
                                } else {
                                    twins++;
                                }
                                break;
                            }
                        }
                    }
                }
                if (alive < n) {
                    changed = true;
                    compact(w, b, l, gone);
                    int[] o = origin.get(l);
                    int[] kept = new int[alive];
                    for (int j = 0, c = 0; j < n; j++) {
                        if (!gone[j]) {
                            kept[c++] = o[j];
                        }
                    }
                    origin.set(l, kept);
                }
            }
        }
        return new ExactCounts(dead, noEffect, dup, twins);
    }

    private boolean sameRow(double[] a, double ba, double[] c, double bc, double f) {
        if (!tolerance.equal(ba, f * bc)) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!tolerance.equal(a[i], f * c[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(double[] row) {
        for (double v : row) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    private static boolean columnZero(double[][] next, int j) {
        for (double[] r : next) {
            if (r[j] != 0.0) {
                return false;
            }
        }
        return true;
    }

    private static void compact(List<double[][]> w, List<double[]> b, int l, boolean[] gone) {
        double[][] rows = w.get(l);
        double[] bias = b.get(l);
        double[][] next = w.get(l + 1);
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < gone.length; j++) {
            if (!gone[j]) {
                keep.add(j);
            }
        }
        double[][] r2 = new double[keep.size()][];
        double[] b2 = new double[keep.size()];
        for (int c = 0; c < keep.size(); c++) {
            r2[c] = rows[keep.get(c)];
            b2[c] = bias[keep.get(c)];
        }
        double[][] n2 = new double[next.length][keep.size()];
        for (int m = 0; m < next.length; m++) {
            for (int c = 0; c < keep.size(); c++) {
                n2[m][c] = next[m][keep.get(c)];
            }
        }
        w.set(l, r2);
        b.set(l, b2);
        w.set(l + 1, n2);
    }
}
