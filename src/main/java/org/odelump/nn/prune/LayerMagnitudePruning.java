package org.odelump.nn.prune;

import java.util.Arrays;
import java.util.Comparator;
import org.odelump.nn.Mlp;

/**
 * Per-layer unstructured magnitude pruning with uniform sparsity: the removals needed to reach the target non-zero
 * count are split over the candidate layers in proportion to their non-zero candidates (largest remainder, ties to
 * the lower layer, so the total is exact), and within each layer the candidates with the smallest magnitude go (ties
 * by row, then column, a bias counting as the column after its row's weights). By default ({@link
 * PruningScope#WEIGHTS}) every weight matrix is pruned and biases are kept. Cost O(P log P).
 */
public final class LayerMagnitudePruning {

    private final UnstructuredPlan plan;

    /** Prunes every weight matrix, keeps biases. */
    public LayerMagnitudePruning(Mlp network, long targetNonZero) {
        this(network, targetNonZero, PruningScope.WEIGHTS);
    }

    /**
     * @param network       the network to prune
     * @param targetNonZero non-zero weights + biases wanted after pruning
     * @param scope         which parameters are candidates
     */
    public LayerMagnitudePruning(Mlp network, long targetNonZero, PruningScope scope) {
        this.plan = new UnstructuredPlan(network, targetNonZero, scope);
    }

    public PrunedNetwork compute() {
        long[] share = Apportionment.split(plan.removals, plan.candidatesPerLayer());
        for (int l = 0; l < share.length; l++) {
            if (share[l] > 0) {
                pruneSmallest(l, share[l]);
            }
        }
        return plan.result("per-layer magnitude pruning (uniform sparsity per layer, smallest |w| in each layer)");
    }

    private void pruneSmallest(int l, long k) {
        double[][] p = plan.params[l];
        int cols = p[0].length;
        Integer[] order = new Integer[(int) plan.candidates(l)];
        int n = 0;
        for (int j = 0; j < p.length; j++) {
            for (int c = 0; c < cols; c++) {
                if (p[j][c] != 0.0 && plan.prunableColumn(l, c)) {
                    order[n++] = j * cols + c;
                }
            }
        }
        Arrays.sort(order, Comparator.comparingDouble(q -> Math.abs(p[q / cols][q % cols])));
        for (int r = 0; r < k; r++) {
            p[order[r] / cols][order[r] % cols] = 0.0;
        }
    }
}
