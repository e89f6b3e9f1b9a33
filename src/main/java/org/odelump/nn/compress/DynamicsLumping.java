package org.odelump.nn.compress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.prune.WandaPruning;

/**
 * The {@code dynamics} criterion: neurons are grouped by their induced dynamics along the ray encoding (research
 * notes {@code nn-encoding.md} §1.1: h^l_j(t) is neuron j's activation at input t·x), and each group is aggregated
 * forward onto one member (issue #13).
 *
 * <p>Per hidden layer of the original network, neuron j's trajectory is the vector v_j of its activations
 * h_j(t·x) over the calibration inputs x and the ray points t of {@link #RAY}. The distance of two neurons is
 * d(j, k) = ‖v_j − v_k‖ / max(‖v_j‖, ‖v_k‖), and for an odd activation (tanh, identity) the smaller of that and
 * the distance of v_j to −v_k (sign twins: σ(−z) = −σ(z)). Neurons with d ≤ ε are related, and the groups are the
 * connected components of the relation, as in ERODE's ε-equivalences (the same grouping as {@code weights}). Each
 * group is represented by its medoid m (the member with the smallest summed distance to the others, the lowest index
 * on ties); every member k gets the least-squares coefficient c_k = ⟨a_k, a_m⟩/⟨a_m, a_m⟩ of its activations a_k on
 * the calibration inputs (t = 1) on the medoid's, and the medoid's outgoing column becomes Σ_k c_k W^{l+1}_{:,k}:
 * forward aggregation, exact when every member is a multiple of the medoid. Groups in consecutive layers combine
 * (the next layer's kept rows are summed the same way). ε is relative, so ε = 0 merges only neurons with identical
 * (or, for odd σ, negated) trajectories, and the largest useful ε is 2 (one neuron per layer). The result is an
 * ordinary dense {@link Mlp}.
 *
 * <p>Cost: the trajectories take |RAY| forward passes of the N calibration rows, O(|RAY|·N·Σ_l n_l n_{l−1}); the
 * distances O(|RAY|·N·n²) per layer of width n; grouping and merging O(n² + Σ_l n_l n_{l−1}).
 */
public final class DynamicsLumping {

    /** The ray points t at which trajectories are sampled. */
    public static final double[] RAY = {0.25, 0.5, 0.75, 1.0};

    /**
     * The outcome.
     *
     * @param network      the compressed network
     * @param neuronOrigin per layer, the original index of each kept neuron (the medoid; identity on the output)
     * @param groups       per hidden layer, per kept neuron, the original neurons aggregated onto it
     * @param epsilon      ε
     */
    public record Result(Mlp network, List<int[]> neuronOrigin, List<int[][]> groups, double epsilon) {
        public Result {
            Objects.requireNonNull(network, "network");
            neuronOrigin = neuronOrigin.stream().map(int[]::clone).toList();
            groups = List.copyOf(groups);
        }

        /** A one-line description for reports. */
        public String describe() {
            return String.format(Locale.ROOT, "dynamics lumping (ray trajectories at t = %s, sign twins for odd "
                    + "activations, medoid with lsq coefficients), widths %s, epsilon %.6g (relative)",
                    Arrays.toString(RAY), Arrays.toString(network.widths()), epsilon);
        }
    }

    /** Per hidden layer: the trajectory distances and the calibration activations. */
    private record Trajectories(List<double[][]> distances, List<double[][]> activations) {
    }

    private final Mlp original;
    private final double epsilon;
    private final Trajectories trajectories;

    /**
     * @param original          the network
     * @param calibrationInputs network inputs (training rows), at least one
     * @param epsilon           relative trajectory tolerance ≥ 0
     */
    public DynamicsLumping(Mlp original, double[][] calibrationInputs, double epsilon) {
        this(original, trajectories(original, WandaPruning.checkCalibration(original, calibrationInputs)), epsilon);
    }

    private DynamicsLumping(Mlp original, Trajectories trajectories, double epsilon) {
        this.original = Objects.requireNonNull(original, "original");
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0: " + epsilon);
        }
        this.epsilon = epsilon;
        this.trajectories = trajectories;
    }

    /** Groups, picks medoids and aggregates. */
    public Result compute() {
        int hidden = original.layers().size() - 1;
        List<int[][]> groups = new ArrayList<>();
        List<double[]> coefficient = new ArrayList<>();
        List<int[]> origin = new ArrayList<>();
        for (int l = 0; l < hidden; l++) {
            double[][] d = trajectories.distances().get(l);
            double[][] a = trajectories.activations().get(l);
            int n = d.length;
            int[] parent = new int[n];
            for (int j = 0; j < n; j++) {
                parent[j] = j;
            }
            for (int j = 0; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    if (d[j][k] <= epsilon) {
                        parent[find(parent, j)] = find(parent, k);
                    }
                }
            }
            List<List<Integer>> blocks = new ArrayList<>();
            int[] blockOf = new int[n];
            Arrays.fill(blockOf, -1);
            for (int j = 0; j < n; j++) {
                int root = find(parent, j);
                if (blockOf[root] < 0) {
                    blockOf[root] = blocks.size();
                    blocks.add(new ArrayList<>());
                }
                blocks.get(blockOf[root]).add(j);
            }
            double[] c = new double[n];
            int[] medoids = new int[blocks.size()];
            int[][] members = new int[blocks.size()][];
            for (int b = 0; b < blocks.size(); b++) {
                List<Integer> block = blocks.get(b);
                int medoid = block.get(0);
                double bestSum = Double.POSITIVE_INFINITY;
                for (int j : block) {
                    double s = 0;
                    for (int k : block) {
                        s += d[j][k];
                    }
                    if (s < bestSum) {
                        bestSum = s;
                        medoid = j;
                    }
                }
                medoids[b] = medoid;
                members[b] = block.stream().mapToInt(Integer::intValue).toArray();
                double mm = dot(a[medoid], a[medoid]);
                for (int k : block) {
                    c[k] = k == medoid ? 1.0 : mm > 0 ? dot(a[k], a[medoid]) / mm : 0.0;
                }
            }
            groups.add(members);
            coefficient.add(c);
            origin.add(medoids);
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l <= hidden; l++) {
            DenseLayer layer = original.layer(l);
            int[] rows = l < hidden ? origin.get(l) : identity(layer.outputs());
            int[][] cols = l == 0 ? singletons(layer.inputs()) : groups.get(l - 1);
            double[][] w = new double[rows.length][cols.length];
            double[] b = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                for (int q = 0; q < cols.length; q++) {
                    double s = 0;
                    for (int k : cols[q]) {
                        s += (l == 0 ? 1.0 : coefficient.get(l - 1)[k]) * layer.weight(rows[r], k);
                    }
                    w[r][q] = s;
                }
                b[r] = layer.bias(rows[r]);
            }
            layers.add(new DenseLayer(w, b, layer.activation()));
        }
        origin.add(identity(original.outputs()));
        return new Result(new Mlp(layers), origin, groups, epsilon);
    }

    /**
     * The smallest ε (bisection to a relative 1e-6) whose network has at most {@code maxParameters} dense
     * parameters; the trajectories are computed once.
     *
     * @throws IllegalArgumentException when even one neuron per hidden layer has more
     */
    public static Result atMost(Mlp original, double[][] calibrationInputs, long maxParameters) {
        Trajectories tr = trajectories(original, WandaPruning.checkCalibration(original, calibrationInputs));
        Result zero = new DynamicsLumping(original, tr, 0).compute();
        if (zero.network().parameterCount() <= maxParameters) {
            return zero;
        }
        double hi = 2.0 + 1e-9;
        Result best = new DynamicsLumping(original, tr, hi).compute();
        if (best.network().parameterCount() > maxParameters) {
            throw new SizeTargetUnreachableException(maxParameters, best.network().parameterCount(),
                    String.format(Locale.ROOT, "target %d parameters is out of reach for "
                    + "dynamics: one neuron per hidden layer leaves %d", maxParameters,
                    best.network().parameterCount()));
        }
        return Bisection.smallestFitting(hi, best, eps -> new DynamicsLumping(original, tr, eps).compute(),
                r -> r.network().parameterCount() <= maxParameters).result();
    }

    private static Trajectories trajectories(Mlp net, double[][] inputs) {
        int hidden = net.layers().size() - 1;
        int n = inputs.length;
        List<double[][]> traj = new ArrayList<>();
        List<double[][]> act = new ArrayList<>();
        for (int l = 0; l < hidden; l++) {
            traj.add(new double[net.layer(l).outputs()][RAY.length * n]);
            act.add(new double[net.layer(l).outputs()][n]);
        }
        for (int ti = 0; ti < RAY.length; ti++) {
            for (int s = 0; s < n; s++) {
                double[] x = inputs[s].clone();
                for (int i = 0; i < x.length; i++) {
                    x[i] *= RAY[ti];
                }
                List<double[]> h = net.activations(x);
                for (int l = 0; l < hidden; l++) {
                    double[] hl = h.get(l);
                    for (int j = 0; j < hl.length; j++) {
                        traj.get(l)[j][ti * n + s] = hl[j];
                        if (ti == RAY.length - 1) {
                            act.get(l)[j][s] = hl[j];
                        }
                    }
                }
            }
        }
        List<double[][]> dist = new ArrayList<>();
        for (int l = 0; l < hidden; l++) {
            double[][] v = traj.get(l);
            boolean odd = net.layer(l).activation().isOdd();
            int w = v.length;
            double[] norm = new double[w];
            for (int j = 0; j < w; j++) {
                norm[j] = Math.sqrt(dot(v[j], v[j]));
            }
            double[][] d = new double[w][w];
            for (int j = 0; j < w; j++) {
                for (int k = j + 1; k < w; k++) {
                    double same = 0;
                    double twin = 0;
                    for (int i = 0; i < v[j].length; i++) {
                        same += (v[j][i] - v[k][i]) * (v[j][i] - v[k][i]);
                        twin += (v[j][i] + v[k][i]) * (v[j][i] + v[k][i]);
                    }
                    double diff = Math.sqrt(odd ? Math.min(same, twin) : same);
                    double scale = Math.max(norm[j], norm[k]);
                    d[j][k] = scale > 0 ? diff / scale : 0.0;
                    d[k][j] = d[j][k];
                }
            }
            dist.add(d);
        }
        return new Trajectories(dist, act);
    }

    private static int find(int[] parent, int j) {
        while (parent[j] != j) {
            parent[j] = parent[parent[j]];
            j = parent[j];
        }
        return j;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }

    private static int[][] singletons(int n) {
        int[][] o = new int[n][];
        for (int i = 0; i < n; i++) {
            o[i] = new int[] {i};
        }
        return o;
    }
}
