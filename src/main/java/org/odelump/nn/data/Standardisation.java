package org.odelump.nn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/**
 * Per-column affine standardisation z = (v − mean) / std of inputs and targets, fitted on one dataset (the
 * training split) and applied unchanged to any other with the same columns. The standard deviation is the
 * population one (divide by n); a constant column (std 0) gets std 1, so it maps to zero. Immutable and
 * invertible.
 */
public final class Standardisation {

    private final double[] inputMean;
    private final double[] inputStd;
    private final double[] targetMean;
    private final double[] targetStd;

    private Standardisation(double[] inputMean, double[] inputStd, double[] targetMean, double[] targetStd) {
        this.inputMean = inputMean;
        this.inputStd = inputStd;
        this.targetMean = targetMean;
        this.targetStd = targetStd;
    }

    /** Means and standard deviations of every column of {@code train} (at least one row). */
    public static Standardisation fit(Dataset train) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot fit a standardisation on an empty dataset");
        }
        double[] im = new double[train.features()];
        double[] is = new double[train.features()];
        double[] tm = new double[train.outputs()];
        double[] ts = new double[train.outputs()];
        moments(train.flatInputs(), train.rows(), im, is);
        moments(train.flatTargets(), train.rows(), tm, ts);
        return new Standardisation(im, is, tm, ts);
    }

    /** Explicit parameters (e.g. read back from a saved model); every std must be positive and finite. */
    public static Standardisation of(double[] inputMean, double[] inputStd, double[] targetMean,
            double[] targetStd) {
        if (inputMean.length != inputStd.length || targetMean.length != targetStd.length) {
            throw new IllegalArgumentException("means and standard deviations differ in length");
        }
        for (double[] a : new double[][] {inputMean, inputStd, targetMean, targetStd}) {
            for (double v : a) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("not finite: " + v);
                }
            }
        }
        for (double[] a : new double[][] {inputStd, targetStd}) {
            for (double v : a) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException("standard deviation must be positive: " + v);
                }
            }
        }
        return new Standardisation(inputMean.clone(), inputStd.clone(), targetMean.clone(), targetStd.clone());
    }

    private static void moments(double[] flat, int rows, double[] mean, double[] std) {
        int cols = mean.length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += flat[r * cols + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double d = flat[r * cols + c] - mean[c];
                std[c] += d * d;
            }
        }
        for (int c = 0; c < cols; c++) {
            double s = Math.sqrt(std[c] / rows);
            std[c] = s > 0 && Double.isFinite(s) ? s : 1.0;
        }
    }

    /** The dataset with standardised inputs and targets. */
    public Dataset apply(Dataset d) {
        check(d);
        return Dataset.ofFlat(d.featureNames(), d.targetNames(), d.rows(),
                forward(d.flatInputs(), inputMean, inputStd), forward(d.flatTargets(), targetMean, targetStd));
    }

    /** The inverse of {@link #apply}: back to the original units. */
    public Dataset invert(Dataset d) {
        check(d);
        return Dataset.ofFlat(d.featureNames(), d.targetNames(), d.rows(),
                backward(d.flatInputs(), inputMean, inputStd), backward(d.flatTargets(), targetMean, targetStd));
    }

    /** One standardised input vector. */
    public double[] standardiseInput(double[] x) {
        return forward(checkLength(x, inputMean.length), inputMean, inputStd);
    }

    /** One standardised target vector. */
    public double[] standardiseTarget(double[] y) {
        return forward(checkLength(y, targetMean.length), targetMean, targetStd);
    }

    /** One target vector back in original units (e.g. a network's output). */
    public double[] restoreTarget(double[] z) {
        return backward(checkLength(z, targetMean.length), targetMean, targetStd);
    }

    /** One input vector back in original units. */
    public double[] restoreInput(double[] z) {
        return backward(checkLength(z, inputMean.length), inputMean, inputStd);
    }

    /**
     * The network in original units: given {@code net} trained on standardised data, a network with the same
     * widths and activations whose output on raw x equals restoreTarget(net(standardiseInput(x))) up to rounding.
     * The input scaling is folded into the first layer (W' = W·diag(1/std), b' = b − W'·mean) and the output
     * scaling into the last one (W' = diag(std)·W, b' = std·b + mean), which needs an IDENTITY output layer.
     * For a single-layer network both foldings apply to the same layer.
     */
    public Mlp unstandardised(Mlp net) {
        if (net.inputs() != inputMean.length || net.outputs() != targetMean.length) {
            throw new IllegalArgumentException("network " + net + " does not match " + inputMean.length
                    + " features and " + targetMean.length + " targets");
        }
        int last = net.layers().size() - 1;
        if (net.layer(last).activation() != Activation.IDENTITY) {
            throw new IllegalArgumentException("the output layer must be IDENTITY to fold the target scaling");
        }
        List<DenseLayer> layers = new ArrayList<>(net.layers());
        DenseLayer first = layers.get(0);
        double[][] w = first.weights();
        double[] b = first.bias();
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[j].length; i++) {
                w[j][i] /= inputStd[i];
                b[j] -= w[j][i] * inputMean[i];
            }
        }
        layers.set(0, new DenseLayer(w, b, first.activation()));
        DenseLayer out = layers.get(last);
        w = out.weights();
        b = out.bias();
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[j].length; i++) {
                w[j][i] *= targetStd[j];
            }
            b[j] = b[j] * targetStd[j] + targetMean[j];
        }
        layers.set(last, new DenseLayer(w, b, out.activation()));
        return new Mlp(layers);
    }

    private static double[] checkLength(double[] v, int n) {
        if (v.length != n) {
            throw new IllegalArgumentException("expected " + n + " values, got " + v.length);
        }
        return v;
    }

    private void check(Dataset d) {
        Objects.requireNonNull(d, "dataset");
        if (d.features() != inputMean.length || d.outputs() != targetMean.length) {
            throw new IllegalArgumentException("standardisation fitted on " + inputMean.length + " features and "
                    + targetMean.length + " targets, dataset has " + d.features() + " and " + d.outputs());
        }
    }

    private static double[] forward(double[] flat, double[] mean, double[] std) {
        int cols = mean.length;
        double[] out = new double[flat.length];
        for (int i = 0; i < flat.length; i++) {
            int c = i % cols;
            out[i] = (flat[i] - mean[c]) / std[c];
        }
        return out;
    }

    private static double[] backward(double[] flat, double[] mean, double[] std) {
        int cols = mean.length;
        double[] out = new double[flat.length];
        for (int i = 0; i < flat.length; i++) {
            int c = i % cols;
            out[i] = flat[i] * std[c] + mean[c];
        }
        return out;
    }

    /** The input part as a {@link ColumnScaling}, as network files store it. */
    public ColumnScaling inputScaling() {
        return new ColumnScaling(inputMean, inputStd);
    }

    /** The target part as a {@link ColumnScaling}, as network files store it. */
    public ColumnScaling targetScaling() {
        return new ColumnScaling(targetMean, targetStd);
    }

    public double[] inputMean() {
        return inputMean.clone();
    }

    public double[] inputStd() {
        return inputStd.clone();
    }

    public double[] targetMean() {
        return targetMean.clone();
    }

    public double[] targetStd() {
        return targetStd.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardisation s && Arrays.equals(inputMean, s.inputMean)
                && Arrays.equals(inputStd, s.inputStd) && Arrays.equals(targetMean, s.targetMean)
                && Arrays.equals(targetStd, s.targetStd);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(inputMean), Arrays.hashCode(inputStd),
            Arrays.hashCode(targetMean), Arrays.hashCode(targetStd)});
    }
}
