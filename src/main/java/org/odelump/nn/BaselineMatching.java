package org.odelump.nn;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs every pruning baseline at the same number of non-zero parameters (weights + biases), usually the parameter
 * count of the AFDE-compressed network, so that methods are compared at "similar compression level" (nn-encoding
 * notes §3). The unstructured baselines hit the target exactly (biases are kept, so the target fixes the number of
 * pruned weights, i.e. sparsity s = 1 − (target − non-zero biases)/weights); structured pruning reaches the largest
 * neuron-granular size not above it. Each result reports its achieved count.
 */
public final class BaselineMatching {

    /** The baselines. */
    public enum Baseline {
        GLOBAL_MAGNITUDE, LAYER_MAGNITUDE, STRUCTURED_MAGNITUDE, WANDA
    }

    private final Mlp network;
    private final double[][] calibration;
    private final long target;
    private final boolean pruneOutputLayer;

    /** All weight matrices are pruned, biases kept. */
    public BaselineMatching(Mlp network, double[][] calibrationInputs, long targetNonZero) {
        this(network, calibrationInputs, targetNonZero, true);
    }

    /**
     * @param network           the network to prune
     * @param calibrationInputs network inputs for Wanda's activation norms
     * @param targetNonZero     the non-zero count to match
     * @param pruneOutputLayer  whether the unstructured baselines prune the output layer's weights
     */
    public BaselineMatching(Mlp network, double[][] calibrationInputs, long targetNonZero,
            boolean pruneOutputLayer) {
        this.network = Objects.requireNonNull(network, "network");
        this.calibration = WandaPruning.checkCalibration(network, calibrationInputs);
        this.target = targetNonZero;
        this.pruneOutputLayer = pruneOutputLayer;
    }

    /** Unstructured sparsity (fraction of candidate weights that are zero) of a pruned network. */
    public static double sparsity(Mlp pruned, boolean includeOutputLayer) {
        long zeros = 0;
        long all = 0;
        for (int l = 0; l < pruned.layers().size(); l++) {
            if (!includeOutputLayer && l == pruned.layers().size() - 1) {
                continue;
            }
            DenseLayer layer = pruned.layer(l);
            for (int j = 0; j < layer.outputs(); j++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    all++;
                    if (layer.weight(j, i) == 0.0) {
                        zeros++;
                    }
                }
            }
        }
        return all == 0 ? 0 : (double) zeros / all;
    }

    public Map<Baseline, PrunedNetwork> compute() {
        Map<Baseline, PrunedNetwork> out = new EnumMap<>(Baseline.class);
        out.put(Baseline.GLOBAL_MAGNITUDE,
                new GlobalMagnitudePruning(network, target, pruneOutputLayer).compute());
        out.put(Baseline.LAYER_MAGNITUDE, new LayerMagnitudePruning(network, target, pruneOutputLayer).compute());
        out.put(Baseline.STRUCTURED_MAGNITUDE, new StructuredMagnitudePruning(network, target).compute());
        out.put(Baseline.WANDA, new WandaPruning(network, calibration, target, pruneOutputLayer).compute());
        return out;
    }
}
