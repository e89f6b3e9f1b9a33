package org.odelump.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A feed-forward network: dense layers applied in order, each layer's outputs feeding the next one's inputs.
 * Immutable.
 */
public final class Mlp {

    private final List<DenseLayer> layers;

    public Mlp(List<DenseLayer> layers) {
        Objects.requireNonNull(layers, "layers");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
                throw new IllegalArgumentException("layer " + l + " takes " + layers.get(l).inputs()
                        + " inputs but layer " + (l - 1) + " has " + layers.get(l - 1).outputs() + " outputs");
            }
        }
        this.layers = List.copyOf(layers);
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    public DenseLayer layer(int l) {
        return layers.get(l);
    }

    public int inputs() {
        return layers.get(0).inputs();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** Widths: inputs, then every layer's outputs, e.g. [8, 64, 64, 1]. */
    public int[] widths() {
        int[] w = new int[layers.size() + 1];
        w[0] = inputs();
        for (int l = 0; l < layers.size(); l++) {
            w[l + 1] = layers.get(l).outputs();
        }
        return w;
    }

    /** The network's output for one input vector. */
    public double[] apply(double[] x) {
        double[] h = x;
        for (DenseLayer layer : layers) {
            h = layer.apply(h);
        }
        return h;
    }

    /** The activations of every layer for one input: element l is layer l's output (the last is the output). */
    public List<double[]> activations(double[] x) {
        List<double[]> out = new ArrayList<>(layers.size());
        double[] h = x;
        for (DenseLayer layer : layers) {
            h = layer.apply(h);
            out.add(h);
        }
        return out;
    }

    /** Weights plus biases of a dense implementation. */
    public long parameterCount() {
        long n = 0;
        for (DenseLayer l : layers) {
            n += l.parameterCount();
        }
        return n;
    }

    /** Weights and biases that are not exactly zero (what unstructured pruning reduces). */
    public long nonZeroCount() {
        long n = 0;
        for (DenseLayer l : layers) {
            n += l.nonZeroCount();
        }
        return n;
    }

    /** Multiply-adds of a dense forward pass: Σ_l inputs_l · outputs_l. */
    public long denseFlops() {
        long n = 0;
        for (DenseLayer l : layers) {
            n += (long) l.inputs() * l.outputs();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mlp m && layers.equals(m.layers);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }

    @Override
    public String toString() {
        return "Mlp" + java.util.Arrays.toString(widths());
    }
}
