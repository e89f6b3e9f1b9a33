package org.odelump.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * One fully connected layer h = σ(W·x + b) with W of shape outputs × inputs. Immutable: arrays are copied in and
 * out.
 */
public final class DenseLayer {

    private final double[][] weights;
    private final double[] bias;
    private final Activation activation;

    /**
     * @param weights    outputs × inputs, every row of the same length
     * @param bias       one per output
     * @param activation the activation applied to every output
     */
    public DenseLayer(double[][] weights, double[] bias, Activation activation) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        this.activation = Objects.requireNonNull(activation, "activation");
        if (weights.length == 0) {
            throw new IllegalArgumentException("a layer needs at least one output");
        }
        if (bias.length != weights.length) {
            throw new IllegalArgumentException("bias has " + bias.length + " entries for " + weights.length
                    + " outputs");
        }
        int in = weights[0].length;
        if (in == 0) {
            throw new IllegalArgumentException("a layer needs at least one input");
        }
        this.weights = new double[weights.length][];
        for (int j = 0; j < weights.length; j++) {
            if (weights[j].length != in) {
                throw new IllegalArgumentException("row " + j + " has " + weights[j].length + " weights, row 0 has "
                        + in);
            }
            for (double w : weights[j]) {
                checkFinite(w, "weight");
            }
            checkFinite(bias[j], "bias");
            this.weights[j] = weights[j].clone();
        }
        this.bias = bias.clone();
    }

    private static void checkFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is not finite: " + v);
        }
    }

    public int inputs() {
        return weights[0].length;
    }

    public int outputs() {
        return weights.length;
    }

    public Activation activation() {
        return activation;
    }

    /** W[j][i], the weight from input i to output j. */
    public double weight(int j, int i) {
        return weights[j][i];
    }

    public double bias(int j) {
        return bias[j];
    }

    /** A copy of W. */
    public double[][] weights() {
        double[][] out = new double[weights.length][];
        for (int j = 0; j < out.length; j++) {
            out[j] = weights[j].clone();
        }
        return out;
    }

    /** A copy of b. */
    public double[] bias() {
        return bias.clone();
    }

    /** Pre-activations z = W·x + b. */
    public double[] preActivation(double[] x) {
        if (x.length != inputs()) {
            throw new IllegalArgumentException("expected " + inputs() + " inputs, got " + x.length);
        }
        double[] z = new double[weights.length];
        for (int j = 0; j < z.length; j++) {
            double s = bias[j];
            double[] row = weights[j];
            for (int i = 0; i < row.length; i++) {
                s += row[i] * x[i];
            }
            z[j] = s;
        }
        return z;
    }

    /** σ(W·x + b). */
    public double[] apply(double[] x) {
        double[] z = preActivation(x);
        for (int j = 0; j < z.length; j++) {
            z[j] = activation.apply(z[j]);
        }
        return z;
    }

    /** Weights plus biases. */
    public long parameterCount() {
        return (long) outputs() * (inputs() + 1);
    }

    /** Weights and biases that are not exactly zero. */
    public long nonZeroCount() {
        long n = 0;
        for (int j = 0; j < weights.length; j++) {
            for (double w : weights[j]) {
                if (w != 0.0) {
                    n++;
                }
            }
            if (bias[j] != 0.0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseLayer l && activation == l.activation && Arrays.deepEquals(weights, l.weights)
                && Arrays.equals(bias, l.bias);
    }

    /** From the values only (the activation by name, not by the enum's identity hash), so equal across runs. */
    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(weights) + Arrays.hashCode(bias)) + activation.name().hashCode();
    }

    @Override
    public String toString() {
        return "DenseLayer[" + inputs() + " -> " + outputs() + ", " + activation + "]";
    }
}
