package org.odelump.nn;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Per-layer unstructured magnitude pruning with uniform sparsity: the removals needed to reach the target non-zero
 * count are split over the candidate layers in proportion to their non-zero weights (largest remainder, ties to the
 * lower layer, so the total is exact), and within each layer the weights with the smallest |W_ij| go (ties by row,
 * then column). Biases are never pruned; by default the output layer is pruned too. Cost O(P log P).
 */
public final class LayerMagnitudePruning {

    private final UnstructuredPlan plan;

    /** Prunes every weight matrix, keeps biases. */
    public LayerMagnitudePruning(Mlp network, long targetNonZero) {
        this(network, targetNonZero, true);
    }

    /**
     * @param network          the network to prune
     * @param targetNonZero    non-zero weights + biases wanted after pruning
     * @param pruneOutputLayer whether the output layer's weights are candidates
     */
    public LayerMagnitudePruning(Mlp network, long targetNonZero, boolean pruneOutputLayer) {
        this.plan = new UnstructuredPlan(network, targetNonZero, pruneOutputLayer);
    }

    public PrunedNetwork compute() {
        long[] share = Apportionment.split(plan.removals, plan.nonZeroWeightsPerLayer());
        for (int l = 0; l < share.length; l++) {
            pruneSmallest(plan.weights[l], share[l]);
        }
        return plan.result("per-layer magnitude pruning (uniform sparsity per layer, smallest |W| in each layer)");
    }

    private static void pruneSmallest(double[][] w, long k) {
        if (k == 0) {
            return;
        }
        int cols = w[0].length;
        int n = 0;
        int[] pos = new int[w.length * cols];
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < cols; i++) {
                if (w[j][i] != 0.0) {
                    pos[n++] = j * cols + i;
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int k2 = 0; k2 < n; k2++) {
            order[k2] = pos[k2];
        }
        Arrays.sort(order, Comparator.comparingDouble(p -> Math.abs(w[p / cols][p % cols])));
        for (int r = 0; r < k; r++) {
            w[order[r] / cols][order[r] % cols] = 0.0;
        }
    }
}
