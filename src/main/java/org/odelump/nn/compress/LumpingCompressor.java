package org.odelump.nn.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.EpsilonEquivalence;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.nn.Mlp;

/**
 * Compresses a network by approximate differential equivalence of its polynomial ODE (Dhiman, Passarella,
 * Tribastone, Valerio, "Neural Network Compression by Approximate Differential Equivalence", 2026; research notes
 * {@code nn-encoding.md} §1.2, §2.2–§2.4). The network is written as DSL text by {@link NetworkEncoder} in the
 * {@link NetworkEncoder.Encoding#LAYERWISE layer-wise encoding}, parsed back by {@link OdeParser} (the parser
 * users' models go through), lumped by the general {@link EpsilonEquivalence}, and the partition of neurons is
 * turned into a smaller network by {@link NeuronMerge} (merges plus the exact reductions).
 *
 * <p>Why the layer-wise encoding: in it a layer's neurons enter the next stage only through their constant copies
 * a^l, linearly, which is what forward equivalence needs (§2.3); on the ray encoding forward equivalence of hidden
 * neurons is essentially empty (§2.2). Initial partition: every input alone, every output alone, and per hidden
 * layer one block of neurons h^l, one of copies a^l (and one per softplus gate rail for ReLU layers).
 * <ul>
 *   <li>{@link Method#AFDE}: one ε-FE run; the partition of the copies a^l is the partition of layer l. The FE
 *       vector of a^l_i holds its outgoing weights: with downstream neurons in singleton blocks, the distance is
 *       d(i, k) = c·‖W^{l+1}_{:,i} − W^{l+1}_{:,k}‖₁ with c = 3 for tanh or logistic downstream (the terms W·a and
 *       −ρ!·W·a·h² resp. W·a·h), c = 1 for an identity output layer and c = 2β + 1 for a softplus layer. So the
 *       relation is "outgoing columns L1-close" (AFDE-out, §2.4).</li>
 *   <li>{@link Method#ABDE}: one ε-BE run per hidden layer, from the input side; run l starts from the partitions
 *       already found for layers &lt; l, copied onto their copies a^k (whose zero drifts BE never splits), and
 *       keeps the partition of h^l. The BE vector of h^l_j holds its block-row sums and bias: d(j, k) =
 *       c·(‖Δ block-row sums‖₁ + |Δb|) with c = 2 for tanh and logistic, 1 for identity (ABDE-in, §2.2).</li>
 * </ul>
 * ε is read by {@link EpsilonMode}: ABS compares d with ε directly (so ε carries the factor c); REL compares d with
 * ε·max(‖v_i‖₁, ‖v_k‖₁), which for AFDE is ε times the larger outgoing column mass and the factor cancels: REL ε
 * is the tolerated relative difference of the two columns (or rows). At ε = 0 both are the exact equivalences.
 *
 * <p>Cost: encoding and parsing O(T) for T = Σ_l n_l(n_{l−1} + 1) terms; one ε-FE run O(T log T) plus the
 * candidate pairs; ABDE runs it once per hidden layer.
 */
public final class LumpingCompressor {

    /** Which approximate equivalence groups the neurons. */
    public enum Method {
        /** Approximate forward differential equivalence (the paper's method): outgoing weights close. */
        AFDE,
        /** Approximate backward differential equivalence: incoming weights and biases close. */
        ABDE
    }

    /**
     * The outcome.
     *
     * @param network        the compressed network
     * @param partitions     the ε-partition of the original neurons of each hidden layer
     * @param exact          what the exact reductions removed after the merges
     * @param method         AFDE or ABDE
     * @param epsilon        ε
     * @param mode           how ε was read
     * @param encodeNanos    time to encode and parse the network (of the {@link Prepared} encoding when given)
     * @param lumpNanos      time of the ε-equivalence run(s)
     * @param totalNanos     encoding plus lumping plus merging
     * @param provenance     encoding, initial partition, grouping and tolerance, in words
     * @param neuronOrigin   per layer, the original neuron each compressed neuron stands for (see
     *                       {@link NeuronMerge.Result#neuronOrigin}), for {@link Compensation}
     */
    public record Result(Mlp network, List<Partition> partitions, NeuronMerge.ExactCounts exact, Method method,
                         double epsilon, EpsilonMode mode, long encodeNanos, long lumpNanos, long totalNanos,
                         String provenance, List<int[]> neuronOrigin) {
        public Result {
            partitions = List.copyOf(partitions);
            neuronOrigin = List.copyOf(neuronOrigin);
        }

        /**
         * Per layer, per compressed neuron, the original neurons it stands for: the ε-block of its origin in a
         * hidden layer, the origin alone in the output layer. (A neuron into which the exact reductions folded a
         * duplicate or twin is given its origin's block only.)
         */
        public List<int[][]> neuronBlocks() {
            List<int[][]> out = new ArrayList<>();
            for (int l = 0; l < neuronOrigin.size(); l++) {
                int[] o = neuronOrigin.get(l);
                int[][] b = new int[o.length][];
                for (int i = 0; i < o.length; i++) {
                    if (l < partitions.size()) {
                        Partition p = partitions.get(l);
                        b[i] = p.block(p.blockOf(o[i])).clone();
                    } else {
                        b[i] = new int[] {o[i]};
                    }
                }
                out.add(b);
            }
            return out;
        }
    }

    /**
     * A network encoded once for several compressions (an ε sweep): the layer-wise encoding as a system.
     *
     * @param net         the network
     * @param system      its layer-wise encoding
     * @param naming      the encoding's variables by role
     * @param beta        softplus β used for ReLU layers
     * @param encodeNanos time to encode (and parse)
     */
    public record Prepared(Mlp net, OdeSystem system, NetworkEncoder.Naming naming, double beta, long encodeNanos) {
    }

    /**
     * Encodes a network in the layer-wise encoding.
     *
     * @param viaText true (the documented route): print the DSL text and parse it with {@link OdeParser};
     *                false: use the encoder's system directly. The DSL printer guarantees that parsing the text
     *                gives an equal system, so both give identical partitions (tested); false skips the
     *                printing and parsing, which dominate the time on large networks.
     */
    public static Prepared prepare(Mlp net, double beta, boolean viaText) {
        long t0 = System.nanoTime();
        NetworkEncoder.Encoded enc = new NetworkEncoder(net, NetworkEncoder.Encoding.LAYERWISE, null, null, beta)
                .compute();
        OdeSystem system = viaText ? OdeParser.parse("network.ode", enc.text()).system() : enc.system();
        return new Prepared(net, system, enc.naming(), beta, System.nanoTime() - t0);
    }

    private final Prepared prepared;
    private final Mlp net;
    private final Method method;
    private final double epsilon;
    private final EpsilonMode mode;
    private final Grouping grouping;
    private final Tolerance tolerance;
    private final double beta;

    /**
     * @param net       the network
     * @param method    AFDE or ABDE
     * @param epsilon   ε ≥ 0
     * @param mode      ABS or REL
     * @param grouping  how the ε relation splits a block (ERODE: COMPONENTS)
     * @param tolerance exact comparison tolerance (ε slack and exact reductions)
     * @param beta      softplus β for ReLU layers (only their encoding uses it)
     */
    public LumpingCompressor(Mlp net, Method method, double epsilon, EpsilonMode mode, Grouping grouping,
                             Tolerance tolerance, double beta) {
        this(null, Objects.requireNonNull(net, "net"), beta, method, epsilon, mode, grouping, tolerance);
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > 0: " + beta);
        }
    }

    /** Compresses an already encoded network (see {@link #prepare}). */
    public LumpingCompressor(Prepared prepared, Method method, double epsilon, EpsilonMode mode, Grouping grouping,
                             Tolerance tolerance) {
        this(Objects.requireNonNull(prepared, "prepared"), prepared.net(), prepared.beta(), method, epsilon, mode,
                grouping, tolerance);
    }

    private LumpingCompressor(Prepared prepared, Mlp net, double beta, Method method, double epsilon,
                              EpsilonMode mode, Grouping grouping, Tolerance tolerance) {
        this.prepared = prepared;
        this.net = net;
        this.beta = beta;
        this.method = Objects.requireNonNull(method, "method");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0: " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** Components grouping, the default tolerance and the default softplus β. */
    public LumpingCompressor(Mlp net, Method method, double epsilon, EpsilonMode mode) {
        this(net, method, epsilon, mode, Grouping.COMPONENTS, Tolerance.DEFAULT, NetworkEncoder.DEFAULT_BETA);
    }

    /** Encodes, parses, lumps, merges. */
    public Result compute() {
        long t0 = System.nanoTime();
        Prepared p = prepared != null ? prepared : prepare(net, beta, true);
        long encode = prepared != null ? prepared.encodeNanos() : System.nanoTime() - t0;
        long t1 = System.nanoTime();
        List<Partition> partitions = method == Method.AFDE ? forward(p.system(), p.naming())
                : backward(p.system(), p.naming());
        long t2 = System.nanoTime();
        NeuronMerge.Result merged = new NeuronMerge(net, partitions, true, tolerance).compute();
        long t3 = System.nanoTime();
        String provenance = "layer-wise encoding of " + net + (method == Method.AFDE ? "; one e-FE run"
                : "; one e-BE run per hidden layer") + "; initial partition: inputs and outputs alone, per hidden"
                + " layer {h}, {a}, {s}, {q}; grouping " + grouping + "; tolerance " + tolerance.relative()
                + "; softplus beta " + beta;
        return new Result(merged.network(), partitions, merged.exact(), method, epsilon, mode, encode, t2 - t1,
                (t3 - t0) + (prepared != null ? encode : 0), provenance, merged.neuronOrigin());
    }

    /** The initial partition: inputs and outputs alone, per hidden layer blocks h, a, s, q; {@code fixed} splits a. */
    static int[] initialLabels(OdeSystem s, NetworkEncoder.Naming nm, List<Partition> fixed) {
        int[] labels = new int[s.dimension()];
        java.util.Arrays.fill(labels, -1);
        int next = 0;
        for (String x : nm.inputs()) {
            labels[s.indexOf(x)] = next++;
        }
        for (String y : nm.outputs()) {
            labels[s.indexOf(y)] = next++;
        }
        next = label(s, labels, next, nm.outputGates());
        for (int l = 0; l < nm.hidden().size(); l++) {
            next = label(s, labels, next, nm.hidden().get(l));
            next = label(s, labels, next, nm.gates().get(l));
            List<String> copies = nm.copies().get(l);
            if (l < fixed.size()) {
                Partition p = fixed.get(l);
                for (int j = 0; j < copies.size(); j++) {
                    labels[s.indexOf(copies.get(j))] = next + p.blockOf(j);
                }
                next += p.size();
            } else {
                next = label(s, labels, next, copies);
            }
        }
        for (int v : labels) {
            if (v < 0) {
                throw new IllegalStateException("encoding variable without a role");
            }
        }
        return labels;
    }

    /** Gives every name one new label: gates s and q get one label each (the list is s..., then q...). */
    private static int label(OdeSystem s, int[] labels, int next, List<String> names) {
        if (names.isEmpty()) {
            return next;
        }
        for (String v : names) {
            labels[s.indexOf(v)] = v.startsWith("q") ? next + 1 : next;
        }
        return next + 2;
    }

    private List<Partition> forward(OdeSystem system, NetworkEncoder.Naming nm) {
        Partition initial = Partition.fromLabels(initialLabels(system, nm, List.of()));
        Partition p = new EpsilonEquivalence(system, LumpedSystem.Method.FE, initial, epsilon, mode, grouping,
                tolerance).compute().partition();
        List<Partition> out = new ArrayList<>();
        for (List<String> copies : nm.copies()) {
            out.add(restrict(system, p, copies));
        }
        return out;
    }

    private List<Partition> backward(OdeSystem system, NetworkEncoder.Naming nm) {
        List<Partition> found = new ArrayList<>();
        for (int l = 0; l < nm.hidden().size(); l++) {
            Partition initial = Partition.fromLabels(initialLabels(system, nm, found));
            Partition p = new EpsilonEquivalence(system, LumpedSystem.Method.BE, initial, epsilon, mode, grouping,
                    tolerance).compute().partition();
            found.add(restrict(system, p, nm.hidden().get(l)));
        }
        return found;
    }

    private static Partition restrict(OdeSystem s, Partition p, List<String> names) {
        int[] labels = new int[names.size()];
        for (int j = 0; j < labels.length; j++) {
            labels[j] = p.blockOf(s.indexOf(names.get(j)));
        }
        return Partition.fromLabels(labels);
    }
}
