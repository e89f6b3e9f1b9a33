package org.odelump.nn.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/** Random networks with fixed seeds for round-trip tests. */
final class RandomNetworks {

    private RandomNetworks() {
    }

    /** A random MLP: 1–4 layers, widths 1–7, random activations, weights spread over several magnitudes. */
    static Mlp mlp(Random rnd) {
        int depth = 1 + rnd.nextInt(4);
        int in = 1 + rnd.nextInt(7);
        List<DenseLayer> layers = new ArrayList<>();
        Activation[] acts = Activation.values();
        for (int l = 0; l < depth; l++) {
            int out = 1 + rnd.nextInt(7);
            layers.add(layer(rnd, in, out, acts[rnd.nextInt(acts.length)]));
            in = out;
        }
        return new Mlp(layers);
    }

    static DenseLayer layer(Random rnd, int in, int out, Activation a) {
        double[][] w = new double[out][in];
        double[] b = new double[out];
        for (int j = 0; j < out; j++) {
            for (int i = 0; i < in; i++) {
                w[j][i] = value(rnd);
            }
            b[j] = value(rnd);
        }
        return new DenseLayer(w, b, a);
    }

    private static double value(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> 0.0;
            case 1 -> rnd.nextGaussian() * 1e-7;
            case 2 -> rnd.nextGaussian() * 1e3;
            default -> rnd.nextGaussian();
        };
    }

    static double[] input(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }
}
