package org.odelump.nn.prune;

import java.util.Arrays;
import java.util.Comparator;
import org.odelump.nn.Mlp;

/**
 * Global unstructured magnitude pruning: one threshold over all candidate parameters — the non-zero candidates with
 * the smallest magnitude across every layer are set to zero until the network has the target number of non-zero
 * weights + biases. By default ({@link PruningScope#WEIGHTS}) every weight matrix, the output layer's included, is a
 * candidate and biases are kept; the variant is stated in {@link PrunedNetwork#method()}. Ties in magnitude are
 * broken deterministically by (layer, row, column), lowest first, a bias counting as the column after its row's
 * weights. Background: nn-encoding notes §3 (magnitude pruning). Cost O(P log P) for P parameters.
 */
public final class GlobalMagnitudePruning {

    private final UnstructuredPlan plan;

    /** Prunes every weight matrix, keeps biases. */
    public GlobalMagnitudePruning(Mlp network, long targetNonZero) {
        this(network, targetNonZero, PruningScope.WEIGHTS);
    }

    /**
     * @param network       the network to prune
     * @param targetNonZero non-zero weights + biases wanted after pruning
     * @param scope         which parameters are candidates
     */
    public GlobalMagnitudePruning(Mlp network, long targetNonZero, PruningScope scope) {
        this.plan = new UnstructuredPlan(network, targetNonZero, scope);
    }

    public PrunedNetwork compute() {
        double[][][] p = plan.params;
        int count = 0;
        for (int l = 0; l < p.length; l++) {
            count = Math.addExact(count, (int) plan.candidates(l));
        }
        int[] layerOf = new int[count];
        int[] rowOf = new int[count];
        int[] colOf = new int[count];
        double[] mag = new double[count];
        int n = 0;
        for (int l = 0; l < p.length; l++) {
            if (!plan.prunableLayer(l)) {
                continue;
            }
            for (int j = 0; j < p[l].length; j++) {
                for (int c = 0; c < p[l][j].length; c++) {
                    if (p[l][j][c] != 0.0 && plan.prunableColumn(l, c)) {
                        layerOf[n] = l;
                        rowOf[n] = j;
                        colOf[n] = c;
                        mag[n] = Math.abs(p[l][j][c]);
                        n++;
                    }
                }
            }
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        // candidates are listed in (layer, row, column) order, so a stable sort by magnitude breaks ties by position
        Arrays.sort(order, Comparator.comparingDouble(k -> mag[k]));
        for (int r = 0; r < plan.removals; r++) {
            int k = order[r];
            p[layerOf[k]][rowOf[k]][colOf[k]] = 0.0;
        }
        return plan.result("global magnitude pruning (one |w| threshold over all candidates)");
    }
}
