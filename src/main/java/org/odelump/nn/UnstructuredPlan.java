package org.odelump.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Shared bookkeeping of the unstructured baselines: which layers' weights may be pruned, how many non-zero weights
 * must go to reach a target non-zero count, and mutable weight copies to zero entries in. Biases are never pruned,
 * so removing one non-zero weight lowers the non-zero count by exactly one and every attainable target is hit
 * exactly.
 */
final class UnstructuredPlan {

    final Mlp network;
    final boolean pruneOutputLayer;
    final long originalNonZero;
    final long target;
    final long removals;
    final double[][][] weights;

    UnstructuredPlan(Mlp network, long targetNonZero, boolean pruneOutputLayer) {
        this.network = Objects.requireNonNull(network, "network");
        this.pruneOutputLayer = pruneOutputLayer;
        this.originalNonZero = network.nonZeroCount();
        this.target = targetNonZero;
        long candidates = 0;
        for (int l = 0; l < network.layers().size(); l++) {
            candidates += nonZeroWeights(l);
        }
        long floor = originalNonZero - candidates;
        if (targetNonZero > originalNonZero || targetNonZero < floor) {
            throw new IllegalArgumentException("target of " + targetNonZero + " non-zero parameters is outside ["
                    + floor + ", " + originalNonZero + "] reachable by pruning weights"
                    + (pruneOutputLayer ? "" : " outside the output layer") + " (biases are kept)");
        }
        this.removals = originalNonZero - targetNonZero;
        this.weights = new double[network.layers().size()][][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = network.layer(l).weights();
        }
    }

    boolean prunable(int l) {
        return pruneOutputLayer || l < network.layers().size() - 1;
    }

    /** Non-zero weights of layer l that are pruning candidates (0 for a layer that is not pruned). */
    long nonZeroWeights(int l) {
        if (!prunable(l)) {
            return 0;
        }
        DenseLayer layer = network.layer(l);
        long n = 0;
        for (int j = 0; j < layer.outputs(); j++) {
            for (int i = 0; i < layer.inputs(); i++) {
                if (layer.weight(j, i) != 0.0) {
                    n++;
                }
            }
        }
        return n;
    }

    long[] nonZeroWeightsPerLayer() {
        long[] n = new long[network.layers().size()];
        for (int l = 0; l < n.length; l++) {
            n[l] = nonZeroWeights(l);
        }
        return n;
    }

    /** The network with the current (partly zeroed) weight copies of layers 0..upTo−1 and the rest unchanged. */
    Mlp build(int upTo) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < network.layers().size(); l++) {
            DenseLayer old = network.layer(l);
            layers.add(l < upTo ? new DenseLayer(weights[l], old.bias(), old.activation()) : old);
        }
        return new Mlp(layers);
    }

    PrunedNetwork result(String method) {
        Mlp pruned = build(network.layers().size());
        long achieved = pruned.nonZeroCount();
        if (achieved != target) {
            throw new IllegalStateException("pruning reached " + achieved + " non-zeros instead of " + target);
        }
        String scope = (pruneOutputLayer ? "all weight matrices" : "all weight matrices except the output layer")
                + "; biases kept";
        return new PrunedNetwork(pruned, method + "; pruned: " + scope, originalNonZero, target, achieved,
                PrunedNetwork.identityOrigin(pruned));
    }
}
