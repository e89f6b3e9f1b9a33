package org.odelump.nn;

/**
 * Activation functions of dense layers. TANH and LOGISTIC have derivatives that are polynomials in their own value
 * (1 − h², h(1 − h)), which is what makes a network an exact polynomial ODE; IDENTITY is the usual output layer;
 * RELU has no exact polynomial encoding (it is handled by weight-level criteria or a softplus surrogate).
 */
public enum Activation {
    TANH, LOGISTIC, IDENTITY, RELU;

    /** σ(z). */
    public double apply(double z) {
        return switch (this) {
            case TANH -> Math.tanh(z);
            case LOGISTIC -> 1.0 / (1.0 + Math.exp(-z));
            case IDENTITY -> z;
            case RELU -> z > 0 ? z : 0.0;
        };
    }

    /** True for activations with σ(−z) = −σ(z), for which sign-flipped twin neurons merge exactly. */
    public boolean isOdd() {
        return this == TANH || this == IDENTITY;
    }
}
