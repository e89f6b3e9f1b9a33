package org.odelump.nn.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/**
 * The result of a pruning baseline: the pruned network and what was done to get it.
 *
 * @param network          the pruned network (zeros where weights were pruned; smaller layers for structured pruning)
 * @param method           a one-line description that states the variant (which weights were candidates, whether
 *                         biases and the output layer were pruned, the score)
 * @param originalNonZero  non-zero weights + biases of the network before pruning
 * @param targetNonZero    the requested non-zero count
 * @param achievedNonZero  non-zero weights + biases of {@link #network} (equal to the target for the unstructured
 *                         baselines; at most the target for structured pruning)
 * @param neuronOrigin     for every layer l, element i is the index in the original network of the neuron that the
 *                         pruned network's neuron i of layer l stands for (identity for unstructured pruning)
 */
public record PrunedNetwork(Mlp network, String method, long originalNonZero, long targetNonZero,
        long achievedNonZero, List<int[]> neuronOrigin) {

    public PrunedNetwork {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(method, "method");
        List<int[]> copy = new ArrayList<>(neuronOrigin.size());
        for (int[] o : neuronOrigin) {
            copy.add(o.clone());
        }
        neuronOrigin = List.copyOf(copy);
        if (neuronOrigin.size() != network.layers().size()) {
            throw new IllegalArgumentException("one neuron map per layer expected");
        }
    }

    /** The identity neuron map of a network (every neuron stands for itself). */
    public static List<int[]> identityOrigin(Mlp network) {
        List<int[]> out = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            int[] o = new int[layer.outputs()];
            for (int i = 0; i < o.length; i++) {
                o[i] = i;
            }
            out.add(o);
        }
        return out;
    }

    /** Fraction of the original non-zero parameters that were removed. */
    public double removedFraction() {
        return originalNonZero == 0 ? 0 : 1.0 - (double) achievedNonZero / originalNonZero;
    }

    /** The neuron map of layer l (a copy). */
    public int[] neuronOrigin(int l) {
        return neuronOrigin.get(l).clone();
    }
}
