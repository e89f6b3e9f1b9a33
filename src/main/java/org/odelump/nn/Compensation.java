package org.odelump.nn;

import java.util.List;

/**
 * What is done after a network has been compressed, applied identically to every method (the paper's merge and every
 * baseline) and always reported.
 */
public enum Compensation {
    /** The compressed network as it is. */
    NONE,
    /**
     * {@link LeastSquaresRefit}: least-squares refit of the weights that follow each changed layer, with the ridge
     * chosen on held-out calibration rows ({@link LeastSquaresRefit#withValidatedRidge}).
     */
    REFIT;

    /**
     * @param original          the uncompressed network
     * @param compressed        the compressed network
     * @param neuronOrigin      per layer, the original neuron each compressed neuron stands for
     * @param calibrationInputs network inputs used by the refit
     * @return the compensated network
     */
    public Mlp apply(Mlp original, Mlp compressed, List<int[]> neuronOrigin, double[][] calibrationInputs) {
        return switch (this) {
            case NONE -> compressed;
            case REFIT -> LeastSquaresRefit.withValidatedRidge(original, compressed, neuronOrigin, calibrationInputs)
                    .network();
        };
    }

    /** {@link #apply(Mlp, Mlp, List, double[][])} for a pruning baseline's result. */
    public Mlp apply(Mlp original, PrunedNetwork pruned, double[][] calibrationInputs) {
        return apply(original, pruned.network(), pruned.neuronOrigin(), calibrationInputs);
    }
}
