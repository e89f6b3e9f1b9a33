package org.odelump.nn.prune;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/**
 * Runs every pruning baseline at the same number of non-zero parameters (weights + biases), usually the parameter
 * count of the AFDE-compressed network, so that methods are compared at "similar compression level" (nn-encoding
 * notes §3). The unstructured baselines hit the target exactly (biases are kept, so the target fixes the number of
 * pruned weights, i.e. sparsity s = 1 − (target − non-zero biases)/weights); structured pruning reaches the largest
 * neuron-granular size not above it. Each result reports its achieved count.
 * <p>
 * A heavily merged network can have fewer parameters than the original has biases; a target below what pruning
 * weights alone can reach is then matched by also pruning biases ({@link PruningScope#biases()}), and each result's
 * method states the scope used.
 */
public final class BaselineMatching {

    /** The baselines. */
    public enum Baseline {
        GLOBAL_MAGNITUDE, LAYER_MAGNITUDE, STRUCTURED_MAGNITUDE, WANDA
    }

    private final Mlp network;
    private final double[][] calibration;
    private final long target;
    private final PruningScope scope;

    /** All weight matrices are pruned, biases kept unless the target requires pruning them too. */
    public BaselineMatching(Mlp network, double[][] calibrationInputs, long targetNonZero) {
        this(network, calibrationInputs, targetNonZero, PruningScope.WEIGHTS);
    }

    /**
     * @param network           the network to prune
     * @param calibrationInputs network inputs for Wanda's activation norms
     * @param targetNonZero     the non-zero count to match
     * @param scope             what the unstructured baselines prune; biases are added to it when the target lies
     *                          below what the scope can reach
     */
    public BaselineMatching(Mlp network, double[][] calibrationInputs, long targetNonZero, PruningScope scope) {
        this.network = Objects.requireNonNull(network, "network");
        this.calibration = WandaPruning.checkCalibration(network, calibrationInputs);
        this.target = targetNonZero;
        this.scope = !scope.biases() && targetNonZero < UnstructuredPlan.floor(network, scope)
                ? new PruningScope(scope.outputLayer(), true) : scope;
    }

    /** The scope the unstructured baselines use (the requested one, plus biases if the target needs them). */
    public PruningScope scope() {
        return scope;
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

    /** Every baseline at the target. */
    public Map<Baseline, PrunedNetwork> compute() {
        Map<Baseline, PrunedNetwork> out = new EnumMap<>(Baseline.class);
        for (Baseline b : Baseline.values()) {
            out.put(b, compute(b));
        }
        return out;
    }

    /** One baseline at the target. */
    public PrunedNetwork compute(Baseline baseline) {
        return switch (baseline) {
            case GLOBAL_MAGNITUDE -> new GlobalMagnitudePruning(network, target, scope).compute();
            case LAYER_MAGNITUDE -> new LayerMagnitudePruning(network, target, scope).compute();
            case STRUCTURED_MAGNITUDE -> new StructuredMagnitudePruning(network, target).compute();
            case WANDA -> new WandaPruning(network, calibration, target, scope).compute();
        };
    }
}
