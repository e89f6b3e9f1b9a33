package org.odelump.nn;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Global unstructured magnitude pruning: one threshold over all candidate weight matrices — the non-zero weights with
 * the smallest |W_ij| across every layer are set to zero until the network has the target number of non-zero
 * weights + biases. Biases are never pruned. By default every weight matrix, the output layer's included, is a
 * candidate; the variant is stated in {@link PrunedNetwork#method()}. Ties in |W_ij| are broken deterministically
 * by (layer, row, column), lowest first. Background: nn-encoding notes §3 (magnitude pruning). Cost O(P log P) for P
 * weights.
 */
public final class GlobalMagnitudePruning {

    private final UnstructuredPlan plan;

    /** Prunes every weight matrix, keeps biases. */
    public GlobalMagnitudePruning(Mlp network, long targetNonZero) {
        this(network, targetNonZero, true);
    }

    /**
     * @param network          the network to prune
     * @param targetNonZero    non-zero weights + biases wanted after pruning
     * @param pruneOutputLayer whether the output layer's weights are candidates
     */
    public GlobalMagnitudePruning(Mlp network, long targetNonZero, boolean pruneOutputLayer) {
        this.plan = new UnstructuredPlan(network, targetNonZero, pruneOutputLayer);
        for (DenseLayer layer : network.layers()) {
            if (layer.inputs() >= (1 << 21) || layer.outputs() >= (1 << 21)) {
                throw new IllegalArgumentException(layer + " is too wide for this implementation (2^21 neurons)");
            }
        }
    }

    public PrunedNetwork compute() {
        double[][][] w = plan.weights;
        int count = 0;
        for (int l = 0; l < w.length; l++) {
            count += (int) plan.nonZeroWeights(l);
        }
        long[] keys = new long[count];
        double[] mag = new double[count];
        int n = 0;
        for (int l = 0; l < w.length; l++) {
            if (!plan.prunable(l)) {
                continue;
            }
            for (int j = 0; j < w[l].length; j++) {
                for (int i = 0; i < w[l][j].length; i++) {
                    if (w[l][j][i] != 0.0) {
                        keys[n] = ((long) l << 42) | ((long) j << 21) | i;
                        mag[n] = Math.abs(w[l][j][i]);
                        n++;
                    }
                }
            }
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        // keys are in (layer, row, column) order already, so a stable sort by magnitude breaks ties by position
        Arrays.sort(order, Comparator.comparingDouble(k -> mag[k]));
        for (int r = 0; r < plan.removals; r++) {
            long key = keys[order[r]];
            w[(int) (key >>> 42)][(int) ((key >>> 21) & 0x1FFFFF)][(int) (key & 0x1FFFFF)] = 0.0;
        }
        return plan.result("global magnitude pruning (one |W| threshold over all candidate weights)");
    }
}
