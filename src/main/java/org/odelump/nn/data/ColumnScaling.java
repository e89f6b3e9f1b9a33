package org.odelump.nn.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-column affine standardisation z = (x − mean) / std, as trainers apply it to a network's inputs (or targets)
 * before training. A network stored with an input standardisation expects standardised inputs; one stored with a
 * target standardisation produces standardised outputs, which {@link #unstandardise(double[])} maps back.
 * Immutable: arrays are copied in and out.
 */
public final class ColumnScaling {

    private final double[] mean;
    private final double[] std;

    /**
     * @param mean one entry per column, finite
     * @param std  one entry per column, finite and &gt; 0
     */
    public ColumnScaling(double[] mean, double[] std) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " entries but std has " + std.length);
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("mean[" + i + "] is not finite: " + mean[i]);
            }
            if (!(std[i] > 0) || !Double.isFinite(std[i])) {
                throw new IllegalArgumentException("std[" + i + "] must be finite and > 0, got " + std[i]);
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Number of columns. */
    public int size() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }

    /** (x − mean) / std, column by column. */
    public double[] standardise(double[] x) {
        check(x);
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (x[i] - mean[i]) / std[i];
        }
        return z;
    }

    /** z · std + mean, column by column. */
    public double[] unstandardise(double[] z) {
        check(z);
        double[] x = new double[z.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = z[i] * std[i] + mean[i];
        }
        return x;
    }

    private void check(double[] v) {
        if (v.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " columns, got " + v.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnScaling s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "ColumnScaling[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
