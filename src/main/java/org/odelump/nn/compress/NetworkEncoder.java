package org.odelump.nn.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.odelump.dsl.DslPrinter;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;
import org.odelump.model.Variable;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/**
 * Writes a feed-forward network as a polynomial ODE in odelump's DSL (Dhiman, Passarella, Tribastone, Valerio,
 * "Neural Network Compression by Approximate Differential Equivalence", 2026; reconstruction in
 * {@code research/nn-encoding.md} §1). Drifts are built as expanded {@link Polynomial}s and printed by
 * {@link DslPrinter}, so the text goes through the parser's numeric fast path.
 *
 * <p>Every layer follows the ray t·[input; 1], t ∈ [0, 1] (§1.1 variant A0, the bias ramped as the weight of a
 * constant input): with z(t) = t·(W·a + b) and h = σ(z), dh/dt = g(h)·dz/dt where σ' = g(σ):
 * tanh g(h) = 1 − h², logistic g(h) = h − h², identity g = 1. ReLU has no exact polynomial encoding (§1.1); its
 * layers are replaced by the softplus surrogate softplus_β(z) = log(1 + e^{βz})/β with the dual-rail gate
 * s = σ(βz), q = 1 − s: ds/dt = β·s·q·dz/dt, dq/dt = −β·s·q·dz/dt, dh/dt = s·dz/dt. Bound: 0 ≤ softplus_β − ReLU ≤
 * log 2/β per neuron, so the surrogate network differs from the ReLU network by at most {@link #reluBound}.
 *
 * <ul>
 *   <li>{@link Encoding#RAY}: one ray for the whole network. Inputs x_i are constant variables (drift 0, initial
 *       value the input); layer l uses dz^l/dt = W^l·dh^{l−1}/dt + b^l with dh^0/dt = x and every upstream
 *       derivative substituted by its own drift, so layer l's drift has degree 2l + 1 and its term count grows
 *       with the product of the widths (only small networks are practical). Initial values are the activations
 *       at input 0 with every bias 0, h^l(0) = σ(W^l·h^{l−1}(0)) with h^0(0) = 0: all 0 in a tanh network (the
 *       cleanest form); in a logistic network h^1(0) = 1/2 and h^l(0) = σ(W^l·h^{l−1}(0)) ≠ 0 for l ≥ 2 (the
 *       output too); a softplus layer starts at softplus_β(W·h^{l−1}(0)), log 2/β at layer 1, its gates at
 *       σ(±β·W·h^{l−1}(0)). None depends on the input. The output at t = 1 is N(x).</li>
 *   <li>{@link Encoding#LAYERWISE} (§1.2): one ray per layer. Stage l has constant copies a^{l−1} of the
 *       previous layer (drift 0) entering linearly, dz^l/dt = W^l·a^{l−1} + b^l, h^l(0) = σ(0). The copies'
 *       initial values are the network's activations at the given input, so one integration to t = 1 gives every
 *       layer (h^l(1) = σ(W^l·a^{l−1} + b^l)); alternatively integrate stage by stage, copying h^l(1) into
 *       a^l. This is the encoding on which forward equivalence of neurons is computed (§2.3).</li>
 * </ul>
 * Names: inputs {@code x1..xn} (or given names), neuron j of hidden layer l {@code h<l>_<j>}, its copy
 * {@code a<l>_<j>}, softplus gates {@code s<l>_<j>}, {@code q<l>_<j>}, outputs {@code y1..ym}.
 * Cost: O(total terms); LAYERWISE has Σ_l n_l·(n_{l−1} + 1)·(deg g + 1) terms.
 */
public final class NetworkEncoder {

    /** Which polynomial ODE represents the network. */
    public enum Encoding {
        /** One ray for the whole network (§1.1, variant A0). */
        RAY,
        /** One ray per layer, previous layers as constant copies (§1.2). */
        LAYERWISE
    }

    /**
     * The variables of an encoding, by role. Lists per layer are indexed by hidden layer (0 = first hidden).
     *
     * @param inputs  the input variables
     * @param hidden  neuron variables h of each hidden layer
     * @param copies  LAYERWISE: the constant copies a of each hidden layer; RAY: empty lists
     * @param gates   the softplus gates (s then q, per neuron pairs s_j at j, q_j at n + j) of each hidden layer,
     *                empty when the layer is not ReLU
     * @param outputs the output variables
     * @param outputGates softplus gates of the output layer (empty unless it is ReLU)
     */
    public record Naming(List<String> inputs, List<List<String>> hidden, List<List<String>> copies,
                         List<List<String>> gates, List<String> outputs, List<String> outputGates) {
        public Naming {
            inputs = List.copyOf(inputs);
            hidden = hidden.stream().map(List::copyOf).toList();
            copies = copies.stream().map(List::copyOf).toList();
            gates = gates.stream().map(List::copyOf).toList();
            outputs = List.copyOf(outputs);
            outputGates = List.copyOf(outputGates);
        }
    }

    /**
     * The encoding.
     *
     * @param text     the DSL text
     * @param system   the system the text was printed from (parsing the text gives an equal system)
     * @param encoding which encoding
     * @param naming   variables by role
     */
    public record Encoded(String text, OdeSystem system, Encoding encoding, Naming naming) {
    }

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern OURS = Pattern.compile("([hasq][0-9]+_|[sq]?y)[0-9]+");
    /** DSL keywords and function names, which cannot name an input variable. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("begin", "end", "model", "parameters",
            "init", "inits", "partition", "reactions", "ODE", "views", "arbitrary", "Hill", "d", "exp", "log", "ln",
            "log10", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "abs", "floor",
            "ceil", "min", "max", "pow", "pi", "e");

    /**
     * True when {@code name} can name an input variable: a DSL identifier that is no keyword or function name and
     * does not look like one of the encoder's own names (h1_2, a1_2, s1_2, q1_2, y3, sy3, qy3).
     */
    public static boolean isUsableInputName(String name) {
        return IDENT.matcher(name).matches() && !RESERVED.contains(name) && !OURS.matcher(name).matches();
    }

    private final Mlp net;
    private final Encoding encoding;
    private final List<String> inputNames;
    private final double[] input;
    /**
     * The softplus sharpness β used for ReLU layers unless another is asked for: softplus_β overestimates ReLU by at
     * most ln(2)/β ≈ 0.014 per neuron.
     */
    public static final double DEFAULT_BETA = 50.0;

    private final double beta;

    /**
     * @param net        the network
     * @param encoding   RAY or LAYERWISE
     * @param inputNames names of the input variables (identifiers), or null for x1..xn
     * @param input      the input values (initial values of the input variables), or null for zeros
     * @param beta       softplus sharpness β &gt; 0 used for ReLU layers (ignored when there are none)
     */
    public NetworkEncoder(Mlp net, Encoding encoding, List<String> inputNames, double[] input, double beta) {
        this.net = Objects.requireNonNull(net, "net");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        int n0 = net.inputs();
        if (inputNames == null) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= n0; i++) {
                names.add("x" + i);
            }
            this.inputNames = names;
        } else {
            if (inputNames.size() != n0) {
                throw new IllegalArgumentException("the network has " + n0 + " inputs, " + inputNames.size()
                        + " names were given");
            }
            for (String s : inputNames) {
                if (!isUsableInputName(s)) {
                    throw new IllegalArgumentException("input name '" + s + "' is not an identifier, is a DSL"
                            + " keyword or function, or clashes with the encoder's names h1_1, a1_1, y1, ...");
                }
            }
            if (inputNames.stream().distinct().count() != n0) {
                throw new IllegalArgumentException("input names must be distinct: " + inputNames);
            }
            this.inputNames = List.copyOf(inputNames);
        }
        if (input != null && input.length != n0) {
            throw new IllegalArgumentException("the network has " + n0 + " inputs, " + input.length
                    + " values were given");
        }
        this.input = input == null ? new double[n0] : input.clone();
        for (double v : this.input) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("input value is not finite: " + v);
            }
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("softplus beta must be finite and > 0: " + beta);
        }
        this.beta = beta;
    }

    /** A RAY or LAYERWISE encoding with default names, input 0 and β = 50. */
    public NetworkEncoder(Mlp net, Encoding encoding) {
        this(net, encoding, null, null, 50.0);
    }

    /** The largest encoding {@link #compute} builds, in terms (an upper bound from {@link #termBound}). */
    public static final long TERM_LIMIT = 5_000_000L;

    /**
     * Builds the system and its DSL text.
     *
     * @throws IllegalArgumentException when {@link #termBound} exceeds {@link #TERM_LIMIT} (ray encodings of wide
     *                                  deep networks; the layer-wise encoding stays linear in the weights)
     */
    public Encoded compute() {
        long bound = termBound(net, encoding);
        if (bound > TERM_LIMIT) {
            throw new IllegalArgumentException("the " + encoding.name().toLowerCase() + " encoding of " + net
                    + " would have up to " + bound + " terms (limit " + TERM_LIMIT + ")"
                    + (encoding == Encoding.RAY ? "; use the layer-wise encoding" : ""));
        }
        return new Run().run();
    }

    /**
     * An upper bound on the number of drift terms of an encoding, without building it: a neuron's dz has at most
     * Σ_i [W_ji ≠ 0]·T_i + 1 terms (T_i the terms of the upstream derivative: 1 for inputs and copies), its drift
     * at most twice as many for tanh and logistic, and a softplus neuron three such polynomials.
     */
    public static long termBound(Mlp net, Encoding encoding) {
        long[] up = new long[net.inputs()];
        java.util.Arrays.fill(up, 1);
        long total = 0;
        for (DenseLayer layer : net.layers()) {
            long[] own = new long[layer.outputs()];
            for (int j = 0; j < own.length; j++) {
                long dz = 1;
                for (int i = 0; i < up.length; i++) {
                    if (layer.weight(j, i) != 0.0) {
                        dz = Math.min(Long.MAX_VALUE / 4, dz + up[i]);
                    }
                }
                long factor = switch (layer.activation()) {
                    case IDENTITY -> 1;
                    case TANH, LOGISTIC -> 2;
                    case RELU -> 3;
                };
                own[j] = layer.activation() == Activation.RELU ? dz : factor * dz;
                total = Math.min(Long.MAX_VALUE / 4, total + factor * dz);
            }
            if (encoding == Encoding.LAYERWISE) {
                java.util.Arrays.fill(own, 1);
            }
            up = own;
        }
        return total;
    }

    /** softplus_β(z) = log(1 + e^{βz})/β, computed without overflow. */
    public static double softplus(double z, double beta) {
        double u = beta * z;
        return (Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)))) / beta;
    }

    /** The network with every ReLU replaced by softplus_β (what the encoding represents exactly). */
    public static double[] surrogateApply(Mlp net, double beta, double[] x) {
        double[] h = x;
        for (DenseLayer layer : net.layers()) {
            double[] z = layer.preActivation(h);
            for (int j = 0; j < z.length; j++) {
                z[j] = layer.activation() == Activation.RELU ? softplus(z[j], beta) : layer.activation().apply(z[j]);
            }
            h = z;
        }
        return h;
    }

    /**
     * A bound on |surrogate(x) − N(x)|_∞ for every x: each softplus neuron is above its ReLU by at most log 2/β,
     * and every layer is 1-Lipschitz in its pre-activation (tanh, identity, ReLU, softplus; logistic 1/4 ≤ 1), so
     * e_l ≤ ‖W^l‖_∞·e_{l−1} + (log 2/β if layer l is ReLU), e_0 = 0.
     */
    public static double reluBound(Mlp net, double beta) {
        double e = 0;
        for (DenseLayer layer : net.layers()) {
            double norm = 0;
            for (int j = 0; j < layer.outputs(); j++) {
                double s = 0;
                for (int i = 0; i < layer.inputs(); i++) {
                    s += Math.abs(layer.weight(j, i));
                }
                norm = Math.max(norm, s);
            }
            e = norm * e + (layer.activation() == Activation.RELU ? Math.log(2) / beta : 0);
        }
        return e;
    }

    /** Per-call tables. */
    private final class Run {
        private final List<String> names = new ArrayList<>();
        private final List<Polynomial> drifts = new ArrayList<>();
        private final List<Double> init = new ArrayList<>();

        private int add(String name, double value) {
            names.add(name);
            drifts.add(Polynomial.ZERO);
            init.add(value);
            return names.size() - 1;
        }

        Encoded run() {
            int layers = net.layers().size();
            List<List<String>> hidden = new ArrayList<>();
            List<List<String>> copies = new ArrayList<>();
            List<List<String>> gates = new ArrayList<>();
            List<String> outGates = List.of();
            List<String> outputs = List.of();
            int[] prev = new int[net.inputs()];
            for (int i = 0; i < prev.length; i++) {
                prev[i] = add(inputNames.get(i), input[i]);
            }
            // RAY: dh^{l-1}/dt as polynomials (dh^0/dt = x); LAYERWISE: the copies a^{l-1}
            Polynomial[] upstream = new Polynomial[prev.length];
            for (int i = 0; i < prev.length; i++) {
                upstream[i] = Polynomial.variable(prev[i]);
            }
            double[] rayStart = new double[prev.length]; // activations at input 0, biases 0 (RAY initial values)
            double[] actual = input.clone(); // activations at the given input (LAYERWISE copies)
            for (int l = 0; l < layers; l++) {
                DenseLayer layer = net.layer(l);
                boolean last = l == layers - 1;
                boolean relu = layer.activation() == Activation.RELU;
                int n = layer.outputs();
                String tag = last ? "y" : "h" + (l + 1) + "_";
                double[] zStart = encoding == Encoding.RAY ? zeroBiasPre(layer, rayStart) : new double[n];
                int[] s = new int[n];
                int[] q = new int[n];
                List<String> gateNames = new ArrayList<>();
                if (relu) {
                    for (int j = 0; j < n; j++) {
                        double sig = Activation.LOGISTIC.apply(beta * zStart[j]);
                        s[j] = add((last ? "sy" : "s" + (l + 1) + "_") + (j + 1), sig);
                        gateNames.add(names.get(s[j]));
                    }
                    for (int j = 0; j < n; j++) {
                        double sig = Activation.LOGISTIC.apply(-beta * zStart[j]);
                        q[j] = add((last ? "qy" : "q" + (l + 1) + "_") + (j + 1), sig);
                        gateNames.add(names.get(q[j]));
                    }
                }
                int[] h = new int[n];
                List<String> neuronNames = new ArrayList<>();
                double[] hStart = new double[n];
                for (int j = 0; j < n; j++) {
                    hStart[j] = relu ? softplus(zStart[j], beta) : layer.activation().apply(zStart[j]);
                    h[j] = add(tag + (j + 1), hStart[j]);
                    neuronNames.add(names.get(h[j]));
                }
                Polynomial[] own = new Polynomial[n];
                for (int j = 0; j < n; j++) {
                    Polynomial.Builder dz = Polynomial.builder();
                    for (int i = 0; i < upstream.length; i++) {
                        double w = layer.weight(j, i);
                        if (w != 0.0) {
                            dz.add(upstream[i], w);
                        }
                    }
                    dz.add(Monomial.ONE, layer.bias(j));
                    Polynomial dzp = dz.build();
                    Polynomial dh = switch (layer.activation()) {
                        case IDENTITY -> dzp;
                        case TANH -> times(dzp, Monomial.ONE, 1.0, Monomial.of(h[j], 2), -1.0);
                        case LOGISTIC -> times(dzp, Monomial.of(h[j]), 1.0, Monomial.of(h[j], 2), -1.0);
                        case RELU -> {
                            Monomial sq = Monomial.of(new int[] {Math.min(s[j], q[j]), Math.max(s[j], q[j])},
                                    new int[] {1, 1});
                            drifts.set(s[j], times(dzp, sq, beta, Monomial.ONE, 0.0));
                            drifts.set(q[j], times(dzp, sq, -beta, Monomial.ONE, 0.0));
                            yield times(dzp, Monomial.of(s[j]), 1.0, Monomial.ONE, 0.0);
                        }
                    };
                    drifts.set(h[j], dh);
                    own[j] = dh;
                }
                double[] nextActual = surrogateLayer(layer, actual);
                if (last) {
                    outputs = neuronNames;
                    outGates = gateNames;
                } else {
                    hidden.add(neuronNames);
                    gates.add(gateNames);
                    if (encoding == Encoding.LAYERWISE) {
                        List<String> copyNames = new ArrayList<>();
                        upstream = new Polynomial[n];
                        for (int j = 0; j < n; j++) {
                            int a = add("a" + (l + 1) + "_" + (j + 1), nextActual[j]);
                            copyNames.add(names.get(a));
                            upstream[j] = Polynomial.variable(a);
                        }
                        copies.add(copyNames);
                    } else {
                        upstream = own;
                        copies.add(List.of());
                    }
                }
                rayStart = hStart;
                actual = nextActual;
            }
            double[] iv = new double[init.size()];
            List<Variable> vars = new ArrayList<>();
            for (int k = 0; k < iv.length; k++) {
                iv[k] = init.get(k);
                vars.add(Variable.of(names.get(k)));
            }
            OdeSystem system = OdeSystem.builder(encoding == Encoding.RAY ? "network_ray" : "network_layerwise")
                    .variables(vars).initialValues(iv).drifts(drifts).build();
            Naming naming = new Naming(inputNames, hidden, copies, gates, outputs, outGates);
            String text = DslPrinter.print(system, header());
            return new Encoded(text, system, encoding, naming);
        }

        /** p·(c1·m1 + c2·m2), expanded term by term (c2 = 0 drops the second factor term). */
        private static Polynomial times(Polynomial p, Monomial m1, double c1, Monomial m2, double c2) {
            Polynomial.Builder b = Polynomial.builder();
            for (int t = 0; t < p.size(); t++) {
                b.add(p.monomial(t).times(m1), c1 * p.coefficient(t));
                if (c2 != 0.0) {
                    b.add(p.monomial(t).times(m2), c2 * p.coefficient(t));
                }
            }
            return b.build();
        }

        private double[] zeroBiasPre(DenseLayer layer, double[] a) {
            double[] z = new double[layer.outputs()];
            for (int j = 0; j < z.length; j++) {
                double sum = 0;
                for (int i = 0; i < a.length; i++) {
                    sum += layer.weight(j, i) * a[i];
                }
                z[j] = sum;
            }
            return z;
        }

        private double[] surrogateLayer(DenseLayer layer, double[] a) {
            double[] z = layer.preActivation(a);
            for (int j = 0; j < z.length; j++) {
                z[j] = layer.activation() == Activation.RELU ? softplus(z[j], beta) : layer.activation().apply(z[j]);
            }
            return z;
        }

        private List<String> header() {
            List<String> c = new ArrayList<>();
            c.add("Network " + net + " encoded by odelump as a polynomial ODE (" + encoding.name().toLowerCase()
                    + " encoding, bias ramped: research notes nn-encoding.md "
                    + (encoding == Encoding.RAY ? "§1.1 variant A0" : "§1.2") + ").");
            c.add("Inputs " + String.join(", ", inputNames) + " are constants; outputs y1.."
                    + "y" + net.outputs() + " are read at t = 1.");
            if (encoding == Encoding.LAYERWISE) {
                c.add("Stage l: h<l>_j follow the ray of layer l with the copies a<l-1>_j of the previous layer held"
                        + " constant; the copies' initial values are the network's activations at the inputs.");
            }
            boolean relu = net.layers().stream().anyMatch(d -> d.activation() == Activation.RELU);
            if (relu) {
                c.add("ReLU layers are replaced by softplus with beta = " + beta + " (dual-rail gates s, q);"
                        + " output within " + reluBound(net, beta) + " of the ReLU network.");
            }
            return c;
        }
    }
}
