package org.odelump.nn.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/**
 * Shared bookkeeping of the unstructured baselines: which parameters may be pruned ({@link PruningScope}), how many
 * non-zero candidates must go to reach a target non-zero count, and mutable copies to zero entries in. Removing one
 * non-zero candidate lowers the non-zero count by exactly one, so every attainable target is hit exactly. Within a
 * layer a candidate is addressed as (row, column) with column = inputs standing for the row's bias.
 */
final class UnstructuredPlan {

    final Mlp network;
    final PruningScope scope;
    final long originalNonZero;
    final long target;
    final long removals;
    /** Per layer, rows of weights followed by the bias in the last column. */
    final double[][][] params;

    UnstructuredPlan(Mlp network, long targetNonZero, PruningScope scope) {
        this.network = Objects.requireNonNull(network, "network");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.originalNonZero = network.nonZeroCount();
        this.target = targetNonZero;
        this.params = new double[network.layers().size()][][];
        for (int l = 0; l < params.length; l++) {
            DenseLayer layer = network.layer(l);
            params[l] = new double[layer.outputs()][layer.inputs() + 1];
            for (int j = 0; j < layer.outputs(); j++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    params[l][j][i] = layer.weight(j, i);
                }
                params[l][j][layer.inputs()] = layer.bias(j);
            }
        }
        long candidates = 0;
        for (int l = 0; l < params.length; l++) {
            candidates += candidates(l);
        }
        long floor = originalNonZero - candidates;
        if (targetNonZero > originalNonZero || targetNonZero < floor) {
            throw new IllegalArgumentException("target of " + targetNonZero + " non-zero parameters is outside ["
                    + floor + ", " + originalNonZero + "] reachable by pruning " + scope.describe());
        }
        this.removals = originalNonZero - targetNonZero;
    }

    /** The lowest non-zero count reachable when pruning the given scope. */
    static long floor(Mlp network, PruningScope scope) {
        UnstructuredPlan p = new UnstructuredPlan(network, network.nonZeroCount(), scope);
        long c = 0;
        for (int l = 0; l < p.params.length; l++) {
            c += p.candidates(l);
        }
        return p.originalNonZero - c;
    }

    boolean prunableLayer(int l) {
        return scope.outputLayer() || l < network.layers().size() - 1;
    }

    /** Whether column c of layer l's parameter rows may be pruned (the last column is the bias). */
    boolean prunableColumn(int l, int c) {
        return c < network.layer(l).inputs() || scope.biases();
    }

    /** Non-zero candidates of one row of layer l. */
    long candidates(int l, int row) {
        if (!prunableLayer(l)) {
            return 0;
        }
        long n = 0;
        for (int c = 0; c < params[l][row].length; c++) {
            if (params[l][row][c] != 0.0 && prunableColumn(l, c)) {
                n++;
            }
        }
        return n;
    }

    /** Non-zero candidates of layer l (0 for a layer that is not pruned). */
    long candidates(int l) {
        long n = 0;
        for (int j = 0; j < params[l].length; j++) {
            n += candidates(l, j);
        }
        return n;
    }

    long[] candidatesPerLayer() {
        long[] n = new long[params.length];
        for (int l = 0; l < n.length; l++) {
            n[l] = candidates(l);
        }
        return n;
    }

    /** Layer l rebuilt from the current (partly zeroed) parameter copies. */
    DenseLayer layer(int l) {
        DenseLayer old = network.layer(l);
        int in = old.inputs();
        double[][] w = new double[old.outputs()][in];
        double[] b = new double[old.outputs()];
        for (int j = 0; j < w.length; j++) {
            System.arraycopy(params[l][j], 0, w[j], 0, in);
            b[j] = params[l][j][in];
        }
        return new DenseLayer(w, b, old.activation());
    }

    PrunedNetwork result(String method) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < params.length; l++) {
            layers.add(layer(l));
        }
        Mlp pruned = new Mlp(layers);
        long achieved = pruned.nonZeroCount();
        if (achieved != target) {
            throw new IllegalStateException("pruning reached " + achieved + " non-zeros instead of " + target);
        }
        return new PrunedNetwork(pruned, method + "; pruned: " + scope.describe(), originalNonZero, target, achieved,
                PrunedNetwork.identityOrigin(pruned));
    }
}
