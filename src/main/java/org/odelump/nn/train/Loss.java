package org.odelump.nn.train;

/** The training loss of {@link MlpTrainer}. */
public enum Loss {
    /** Σ (ŷ − y)² / (rows · outputs): regression. */
    MEAN_SQUARED_ERROR,
    /**
     * Mean over rows of −Σ_c y_c log softmax(z)_c with one-hot targets y and the network's outputs z as logits
     * ({@link org.odelump.nn.Softmax}); the output layer must be IDENTITY. Its gradient with respect to z is (softmax(z) − y) / rows.
     */
    SOFTMAX_CROSS_ENTROPY
}
