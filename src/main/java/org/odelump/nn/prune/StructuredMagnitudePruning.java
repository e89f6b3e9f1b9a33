package org.odelump.nn.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/**
 * Structured (neuron-level) magnitude pruning: whole hidden neurons are removed, giving a smaller dense network
 * comparable in shape to a merged one (nn-encoding notes §3).
 * <p>
 * <b>Score.</b> Hidden neuron j of layer l scores s_j = ‖W_l[j,:]‖₂ · ‖W_{l+1}[:,j]‖₂ (incoming weight row, bias
 * excluded, times outgoing weight column), computed on the original weights. In each hidden layer the neurons with the
 * lowest scores are removed (ties: the lower index goes first); inputs and outputs are never removed and every hidden
 * layer keeps at least one neuron.
 * <p>
 * <b>Folding.</b> A removed neuron is replaced by the constant it outputs when its incoming weights from kept neurons
 * are cut, c_j = σ(b'_j), where b'_j is its bias after folding of removed neurons of the layer before; c_j·W_{l+1}[:,j]
 * is added to the next layer's bias. A dead neuron (zero incoming row) is thus removed without changing the output.
 * <p>
 * <b>Sizes.</b> Either explicit hidden widths (dense-to-dense comparison at a compressed network's widths) or a target
 * non-zero count: the number of removed neurons is split over hidden layers in proportion to their removable neurons
 * (width − 1; largest remainder, ties to the lower layer) and the split with the largest dense parameter count not
 * above the target is used. Neuron granularity means the target is generally not hit exactly; the achieved count is
 * in the result. Cost O(P) for scoring and building, plus O(H·L²) to choose the split for H hidden neurons.
 */
public final class StructuredMagnitudePruning {

    private final Mlp network;
    private final int[] hiddenWidths;
    private final long target;

    /**
     * @param network       the network to prune
     * @param targetNonZero the largest admissible number of parameters (weights + biases) of the smaller network
     */
    public StructuredMagnitudePruning(Mlp network, long targetNonZero) {
        this.network = Objects.requireNonNull(network, "network");
        this.target = targetNonZero;
        this.hiddenWidths = widthsFor(network, targetNonZero);
    }

    /**
     * @param network      the network to prune
     * @param hiddenWidths the widths to keep, one per hidden layer (layers 0..L−2), each in [1, original width]
     */
    public StructuredMagnitudePruning(Mlp network, int[] hiddenWidths) {
        this.network = Objects.requireNonNull(network, "network");
        int hidden = network.layers().size() - 1;
        if (hiddenWidths.length != hidden) {
            throw new IllegalArgumentException(hiddenWidths.length + " widths for " + hidden + " hidden layers");
        }
        for (int l = 0; l < hidden; l++) {
            if (hiddenWidths[l] < 1 || hiddenWidths[l] > network.layer(l).outputs()) {
                throw new IllegalArgumentException("hidden layer " + l + " has " + network.layer(l).outputs()
                        + " neurons, cannot keep " + hiddenWidths[l]);
            }
        }
        this.hiddenWidths = hiddenWidths.clone();
        this.target = denseCount(network, hiddenWidths);
    }

    /** Dense weights + biases of the network with the given hidden widths. */
    static long denseCount(Mlp network, int[] hiddenWidths) {
        long n = 0;
        int in = network.inputs();
        for (int l = 0; l < network.layers().size(); l++) {
            int out = l < hiddenWidths.length ? hiddenWidths[l] : network.outputs();
            n += (long) (in + 1) * out;
            in = out;
        }
        return n;
    }

    /** The hidden widths this baseline uses for a target non-zero count (see the class comment). */
    public static int[] widthsFor(Mlp network, long targetNonZero) {
        int hidden = network.layers().size() - 1;
        long[] removable = new long[hidden];
        long total = 0;
        for (int l = 0; l < hidden; l++) {
            removable[l] = network.layer(l).outputs() - 1L;
            total += removable[l];
        }
        int[] best = null;
        long bestCount = -1;
        for (long r = 0; r <= total; r++) {
            long[] share = Apportionment.split(r, removable);
            int[] widths = new int[hidden];
            for (int l = 0; l < hidden; l++) {
                widths[l] = (int) (network.layer(l).outputs() - share[l]);
            }
            long count = denseCount(network, widths);
            if (count <= targetNonZero && count > bestCount) {
                best = widths;
                bestCount = count;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no neuron pruning of " + network + " has at most " + targetNonZero
                    + " parameters");
        }
        return best;
    }

    public PrunedNetwork compute() {
        int layers = network.layers().size();
        List<int[]> kept = new ArrayList<>();
        for (int l = 0; l < layers - 1; l++) {
            kept.add(keptNeurons(l, hiddenWidths[l]));
        }
        kept.add(identity(network.outputs()));
        List<DenseLayer> out = new ArrayList<>();
        int[] keptIn = identity(network.inputs());
        double[] constants = new double[0]; // outputs of the removed neurons of the previous layer, by original index
        boolean[] removedIn = new boolean[network.inputs()];
        for (int l = 0; l < layers; l++) {
            DenseLayer layer = network.layer(l);
            double[] folded = layer.bias();
            for (int j = 0; j < folded.length; j++) {
                for (int m = 0; m < removedIn.length; m++) {
                    if (removedIn[m]) {
                        folded[j] += layer.weight(j, m) * constants[m];
                    }
                }
            }
            int[] keptOut = kept.get(l);
            double[][] w = new double[keptOut.length][keptIn.length];
            double[] b = new double[keptOut.length];
            for (int r = 0; r < keptOut.length; r++) {
                for (int c = 0; c < keptIn.length; c++) {
                    w[r][c] = layer.weight(keptOut[r], keptIn[c]);
                }
                b[r] = folded[keptOut[r]];
            }
            out.add(new DenseLayer(w, b, layer.activation()));
            removedIn = new boolean[layer.outputs()];
            Arrays.fill(removedIn, true);
            for (int k : keptOut) {
                removedIn[k] = false;
            }
            constants = new double[layer.outputs()];
            for (int m = 0; m < constants.length; m++) {
                if (removedIn[m]) {
                    constants[m] = layer.activation().apply(folded[m]);
                }
            }
            keptIn = keptOut;
        }
        Mlp pruned = new Mlp(out);
        return new PrunedNetwork(pruned, "structured neuron magnitude pruning (score ‖W_in row‖₂·‖W_out column‖₂, "
                + "lowest removed per hidden layer, removed neuron folded into the next bias as σ(b)); widths "
                + Arrays.toString(pruned.widths()), network.nonZeroCount(), target, pruned.nonZeroCount(), kept);
    }

    /** Scores of the hidden neurons of layer l (see the class comment). */
    public double[] scores(int l) {
        DenseLayer in = network.layer(l);
        DenseLayer next = network.layer(l + 1);
        double[] s = new double[in.outputs()];
        for (int j = 0; j < s.length; j++) {
            double a = 0;
            for (int i = 0; i < in.inputs(); i++) {
                a += in.weight(j, i) * in.weight(j, i);
            }
            double c = 0;
            for (int k = 0; k < next.outputs(); k++) {
                c += next.weight(k, j) * next.weight(k, j);
            }
            s[j] = Math.sqrt(a) * Math.sqrt(c);
        }
        return s;
    }

    private int[] keptNeurons(int l, int keep) {
        double[] s = scores(l);
        Integer[] order = new Integer[s.length];
        for (int j = 0; j < s.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b])); // stable: ties keep the lower index first
        boolean[] removed = new boolean[s.length];
        for (int r = 0; r < s.length - keep; r++) {
            removed[order[r]] = true;
        }
        int[] kept = new int[keep];
        int n = 0;
        for (int j = 0; j < s.length; j++) {
            if (!removed[j]) {
                kept[n++] = j;
            }
        }
        return kept;
    }

    private static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }
}
