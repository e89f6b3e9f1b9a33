package org.odelump.nn.prune;

/**
 * Which parameters the unstructured baselines may set to zero (nn-encoding notes §3 asks for the variant to be
 * stated). A bias, when it is a candidate, is treated as the weight of a constant input 1: its magnitude is |b_i|,
 * and for Wanda its input norm is √N for N calibration samples.
 *
 * @param outputLayer whether the output layer's parameters are candidates
 * @param biases      whether biases are candidates (usually not: pruning biases is unusual, but matching a heavily
 *                    merged network can require it, since a merge removes biases too)
 */
public record PruningScope(boolean outputLayer, boolean biases) {

    /** The usual variant: every weight matrix, the output layer's included; biases kept. */
    public static final PruningScope WEIGHTS = new PruningScope(true, false);

    /** Every weight matrix except the output layer's; biases kept. */
    public static final PruningScope HIDDEN_WEIGHTS = new PruningScope(false, false);

    /** Every weight and every bias. */
    public static final PruningScope WEIGHTS_AND_BIASES = new PruningScope(true, true);

    /** A phrase for result descriptions. */
    public String describe() {
        return (outputLayer ? "all weight matrices" : "all weight matrices except the output layer")
                + (biases ? " and biases" : "; biases kept");
    }
}
