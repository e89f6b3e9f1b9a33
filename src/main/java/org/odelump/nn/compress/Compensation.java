package org.odelump.nn.compress;

import java.util.List;
import java.util.Locale;
import org.odelump.nn.Mlp;
import org.odelump.nn.prune.PrunedNetwork;

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
    REFIT,
    /**
     * {@link #REFIT}, and the rows of every changed layer are re-solved too, the first layer included: a pruned row's
     * remaining weights absorb what the pruned ones contributed, and a merged neuron's row is fitted so that its
     * activation is the mean activation of the block it stands for (see {@link LeastSquaresRefit}).
     */
    REFIT_ALL;

    /** The spelling in reports and on the command line: {@code none}, {@code refit}, {@code refit-all}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The compensation spelled {@code key}, or an exception listing the valid spellings. */
    public static Compensation byKey(String key) {
        for (Compensation c : values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown compensation '" + key + "'; expected none, refit or refit-all");
    }

    /**
     * @param original          the uncompressed network
     * @param compressed        the compressed network
     * @param neuronOrigin      per layer, the original neuron each compressed neuron stands for
     * @param calibrationInputs network inputs used by the refit
     * @return the compensated network
     */
    public Mlp apply(Mlp original, Mlp compressed, List<int[]> neuronOrigin, double[][] calibrationInputs) {
        return apply(original, compressed, neuronOrigin, null, calibrationInputs);
    }

    /**
     * @param neuronBlocks per layer, per compressed neuron, the original neurons it stands for (a merged block), or
     *                     null when every neuron stands for its origin alone
     */
    public Mlp apply(Mlp original, Mlp compressed, List<int[]> neuronOrigin, List<int[][]> neuronBlocks,
                     double[][] calibrationInputs) {
        return switch (this) {
            case NONE -> compressed;
            case REFIT -> LeastSquaresRefit.withValidatedRidge(original, compressed, neuronOrigin, calibrationInputs)
                    .network();
            case REFIT_ALL -> LeastSquaresRefit.withValidatedRidge(original, compressed, neuronOrigin, neuronBlocks,
                    true, calibrationInputs).network();
        };
    }

    /** {@link #apply(Mlp, Mlp, List, double[][])} for a pruning baseline's result. */
    public Mlp apply(Mlp original, PrunedNetwork pruned, double[][] calibrationInputs) {
        return apply(original, pruned.network(), pruned.neuronOrigin(), calibrationInputs);
    }

    /** The compensation of a lumping compression, with the merged blocks of {@link LumpingCompressor.Result}. */
    public Mlp apply(Mlp original, LumpingCompressor.Result lumped, double[][] calibrationInputs) {
        return apply(original, lumped.network(), lumped.neuronOrigin(), lumped.neuronBlocks(), calibrationInputs);
    }
}
