package org.odelump.nn.prune;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/**
 * Wanda (Sun, Liu, Bair and Kolter, "A Simple and Effective Pruning Approach for Large Language Models", 2023,
 * arXiv:2306.11695), applied to every dense layer of an MLP. For a layer with weights W (outputs × inputs) and
 * calibration inputs X (samples × inputs) the score of a weight is S_ij = |W_ij| · ‖X_{:,j}‖₂; within each output
 * row i the weights with the lowest scores are removed (the paper's per-output comparison group); no weight is
 * updated. Layers are pruned in order and each layer's X is the calibration inputs propagated through the
 * already-pruned earlier layers, as in the paper's sequential reference implementation.
 * <p>
 * Sparsity is uniform: the removals that reach the target non-zero count are split over layers in proportion to
 * their non-zero weights, then over the rows of a layer in proportion to each row's non-zero weights (largest
 * remainder, ties to the lower index), so the total is exact. Ties in score are broken by column index. By default
 * ({@link PruningScope#WEIGHTS}) biases are kept and the output layer is pruned too; when biases are candidates a
 * bias is scored as the weight of a constant input 1, |b_i|·√N. Cost O(N·P) for N calibration samples and P weights, plus
 * the per-row sorts.
 */
public final class WandaPruning {

    private final UnstructuredPlan plan;
    private final double[][] calibration;

    /** Prunes every weight matrix, keeps biases. */
    public WandaPruning(Mlp network, double[][] calibrationInputs, long targetNonZero) {
        this(network, calibrationInputs, targetNonZero, PruningScope.WEIGHTS);
    }

    /**
     * @param network           the network to prune
     * @param calibrationInputs network inputs (samples × network inputs), at least one sample
     * @param targetNonZero     non-zero weights + biases wanted after pruning
     * @param scope             which parameters are candidates
     */
    public WandaPruning(Mlp network, double[][] calibrationInputs, long targetNonZero, PruningScope scope) {
        this.plan = new UnstructuredPlan(network, targetNonZero, scope);
        this.calibration = checkCalibration(network, calibrationInputs);
    }

    /**
     * Checks calibration inputs for a network: at least one row, each as wide as the network's input.
     *
     * @return the rows, deep-copied
     */
    public static double[][] checkCalibration(Mlp network, double[][] inputs) {
        Objects.requireNonNull(inputs, "calibrationInputs");
        if (inputs.length == 0) {
            throw new IllegalArgumentException("at least one calibration sample is needed");
        }
        double[][] copy = new double[inputs.length][];
        for (int s = 0; s < inputs.length; s++) {
            if (inputs[s].length != network.inputs()) {
                throw new IllegalArgumentException("calibration row " + s + " has " + inputs[s].length
                        + " columns, the network " + network.inputs() + " inputs");
            }
            copy[s] = inputs[s].clone();
        }
        return copy;
    }

    public PrunedNetwork compute() {
        long[] share = Apportionment.split(plan.removals, plan.candidatesPerLayer());
        double[][] x = calibration;
        for (int l = 0; l < share.length; l++) {
            if (share[l] > 0) {
                double[] norm = Arrays.copyOf(columnNorms(x), x[0].length + 1);
                norm[x[0].length] = Math.sqrt(x.length);
                pruneLayer(l, norm, share[l]);
            }
            DenseLayer pruned = plan.layer(l);
            double[][] next = new double[x.length][];
            for (int s = 0; s < x.length; s++) {
                next[s] = pruned.apply(x[s]);
            }
            x = next;
        }
        return plan.result("Wanda (score |W_ij|·‖X_j‖₂ per output row, calibration through the pruned prefix)");
    }

    static double[] columnNorms(double[][] x) {
        double[] norm = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                norm[j] += row[j] * row[j];
            }
        }
        for (int j = 0; j < norm.length; j++) {
            norm[j] = Math.sqrt(norm[j]);
        }
        return norm;
    }

    private void pruneLayer(int l, double[] norm, long k) {
        double[][] w = plan.params[l];
        long[] rowSizes = new long[w.length];
        for (int r = 0; r < w.length; r++) {
            rowSizes[r] = plan.candidates(l, r);
        }
        long[] perRow = Apportionment.split(k, rowSizes);
        for (int r = 0; r < w.length; r++) {
            double[] row = w[r];
            Integer[] order = new Integer[(int) rowSizes[r]];
            int n = 0;
            for (int i = 0; i < row.length; i++) {
                if (row[i] != 0.0 && plan.prunableColumn(l, i)) {
                    order[n++] = i;
                }
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> Math.abs(row[i]) * norm[i]));
            for (int q = 0; q < perRow[r]; q++) {
                row[order[q]] = 0.0;
            }
        }
    }
}
