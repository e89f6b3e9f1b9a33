package org.odelump.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small networks and data for the nn tests. */
public final class Nets {

    private Nets() {
    }

    public static DenseLayer layer(double[][] w, double[] b, Activation a) {
        return new DenseLayer(w, b, a);
    }

    public static Mlp mlp(DenseLayer... layers) {
        return new Mlp(List.of(layers));
    }

    /** A random dense network with the given widths, tanh hidden layers and an identity output. */
    public static Mlp random(long seed, int... widths) {
        Random rnd = new Random(seed);
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            double[][] w = new double[widths[l]][widths[l - 1]];
            double[] b = new double[widths[l]];
            for (int j = 0; j < widths[l]; j++) {
                for (int i = 0; i < widths[l - 1]; i++) {
                    w[j][i] = rnd.nextGaussian() / Math.sqrt(widths[l - 1]);
                }
                b[j] = 0.1 * rnd.nextGaussian();
            }
            layers.add(new DenseLayer(w, b, l == widths.length - 1 ? Activation.IDENTITY : Activation.TANH));
        }
        return new Mlp(layers);
    }

    public static double[][] inputs(long seed, int samples, int width) {
        Random rnd = new Random(seed);
        double[][] x = new double[samples][width];
        for (double[] row : x) {
            for (int i = 0; i < width; i++) {
                row[i] = rnd.nextGaussian();
            }
        }
        return x;
    }

    public static double maxDeviation(Mlp a, Mlp b, double[][] inputs) {
        double max = 0;
        for (double[] x : inputs) {
            double[] ya = a.apply(x);
            double[] yb = b.apply(x);
            for (int j = 0; j < ya.length; j++) {
                max = Math.max(max, Math.abs(ya[j] - yb[j]));
            }
        }
        return max;
    }
}
