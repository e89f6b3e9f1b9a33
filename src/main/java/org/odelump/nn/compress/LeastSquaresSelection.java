package org.odelump.nn.compress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.prune.WandaPruning;

/**
 * The {@code lsq} criterion: approximate linear lumping of the layer-wise encoding (research notes
 * {@code nn-encoding.md} §2.3; issue #13). In the layer-wise encoding a hidden layer reaches the next one only
 * linearly, through its copies a^l; a neuron can be dropped without changing the next layer when its activation is an
 * affine function of the kept ones on the data, and approximately when it is close to one. This class measures
 * "close" by the least-squares residual on calibration rows.
 *
 * <p>Per hidden layer l, from the input side: H = the current (already compressed) network's activations of layer l
 * on the calibration rows, A = [H, 1], T = the ORIGINAL network's pre-activations of layer l+1 (its outputs after the
 * last hidden layer), G = AᵀA + λD (D the identity on the weights, zero on the bias) and B = G⁻¹AᵀT, the ridge
 * solution. Removing neuron j raises the ridge objective ‖T − AB‖² + λ‖B_w‖² by exactly ‖B_j‖²/(G⁻¹)_jj (the
 * row of B and the diagonal entry of G⁻¹ for j), so the greedy step drops the neuron with the smallest increase and
 * updates G⁻¹ and B by the rank-one formulas G⁻¹ ← G⁻¹ − G⁻¹_{:,j}G⁻¹_{j,:}/(G⁻¹)_jj, B ← B − G⁻¹_{:,j}B_j/(G⁻¹)_jj
 * (row and column j then dropped). The survivors keep their incoming rows; layer l+1 is re-solved by ridge least
 * squares of T on [H_S, 1] (a fresh solve, so no rounding of the downdates reaches the weights).
 *
 * <p>Widths: with a relative tolerance ε, a layer drops neurons while the summed increases stay within
 * (ε + {@value #EXACT_SLACK})·SS(T), SS(T) the centred sum of squares of T (so ε is the share of the next layer's
 * variance that may be lost; the slack absorbs rounding). At ε = 0 only neurons whose values are (up to rounding and
 * the ridge) an affine combination of the kept ones are removed: an exact linear lumping on the data. With fixed
 * widths, each layer drops neurons until it has its width. Every layer keeps at least one neuron. The result is an
 * ordinary (smaller, dense) {@link Mlp}, so {@code encode}/{@code verify} check it like any network.
 *
 * <p>λ = {@code ridge}·mean diag(HᵀH), scale-free as in {@link LeastSquaresRefit}. Cost per hidden layer with n
 * neurons, m next-layer neurons and N calibration rows: O(N(n² + nm)) for G and AᵀT, O(n³) for the inverse, and
 * O(n² + nm) per removed neuron, so O(N(n² + nm) + n³ + n²m) in all.
 */
public final class LeastSquaresSelection {

    /** Relative residual increase treated as zero (rounding and the ridge on an exactly redundant neuron). */
    public static final double EXACT_SLACK = 1e-9;

    /** Largest useful ε: a layer's relative increase never exceeds 1 (a bias alone leaves SS(T)). */
    static final double MAX_EPSILON = 2;

    /**
     * The outcome.
     *
     * @param network      the compressed network: same depth, smaller hidden layers
     * @param neuronOrigin per layer, the original index of each kept neuron (identity on the output layer)
     * @param increases    per hidden layer, the relative residual increase of each removal in removal order
     * @param epsilon      ε (NaN when fixed widths were given)
     * @param ridge        the relative ridge used
     */
    public record Result(Mlp network, List<int[]> neuronOrigin, List<double[]> increases, double epsilon,
                         double ridge) {
        public Result {
            Objects.requireNonNull(network, "network");
            neuronOrigin = neuronOrigin.stream().map(int[]::clone).toList();
            increases = increases.stream().map(double[]::clone).toList();
        }

        /** A one-line description for reports. */
        public String describe() {
            return String.format(Locale.ROOT, "lsq selection, widths %s, epsilon %s, ridge %.0e",
                    Arrays.toString(network.widths()), Double.isNaN(epsilon) ? "from fixed widths"
                    : String.format(Locale.ROOT, "%.6g (relative residual)", epsilon), ridge);
        }
    }

    private final Mlp original;
    private final double[][] calibration;
    private final double ridge;
    private final double epsilon;
    private final int[] widths;

    /**
     * Widths from one relative tolerance.
     *
     * @param original          the network
     * @param calibrationInputs network inputs (training rows), at least 2
     * @param ridge             relative ridge, positive
     * @param epsilon           relative residual tolerance ≥ 0
     */
    public LeastSquaresSelection(Mlp original, double[][] calibrationInputs, double ridge, double epsilon) {
        this(original, calibrationInputs, ridge, epsilon, null);
    }

    /**
     * Fixed widths.
     *
     * @param widths the width of each hidden layer, each in 1..its original width
     */
    public LeastSquaresSelection(Mlp original, double[][] calibrationInputs, double ridge, int[] widths) {
        this(original, calibrationInputs, ridge, Double.NaN, Objects.requireNonNull(widths, "widths").clone());
    }

    private LeastSquaresSelection(Mlp original, double[][] calibrationInputs, double ridge, double epsilon,
                                  int[] widths) {
        this.original = Objects.requireNonNull(original, "original");
        this.calibration = WandaPruning.checkCalibration(original, calibrationInputs);
        if (calibration.length < 2) {
            throw new IllegalArgumentException("the lsq criterion needs at least 2 calibration rows");
        }
        if (!(ridge > 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be positive, got " + ridge);
        }
        if (widths == null && (!(epsilon >= 0) || Double.isInfinite(epsilon))) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0: " + epsilon);
        }
        if (widths != null) {
            if (widths.length != original.layers().size() - 1) {
                throw new IllegalArgumentException("expected " + (original.layers().size() - 1)
                        + " hidden widths, got " + widths.length);
            }
            for (int l = 0; l < widths.length; l++) {
                if (widths[l] < 1 || widths[l] > original.layer(l).outputs()) {
                    throw new IllegalArgumentException("width " + widths[l] + " of hidden layer " + l
                            + " is outside 1.." + original.layer(l).outputs());
                }
            }
        }
        this.ridge = ridge;
        this.epsilon = epsilon;
        this.widths = widths;
    }

    /** Selects and re-solves layer by layer. */
    public Result compute() {
        return new Context(original, calibration, ridge).run(epsilon, widths);
    }

    /**
     * The smallest ε (bisection to a relative 1e-6) whose network has at most {@code maxParameters} dense
     * parameters (weights + biases of the dense layers). The evaluations share one {@link Context}, so each layer's
     * elimination is computed once per distinct choice of the layers before it.
     *
     * @throws IllegalArgumentException when even one neuron per hidden layer has more
     */
    public static Result atMost(Mlp original, double[][] calibrationInputs, double ridge, long maxParameters) {
        LeastSquaresSelection check = new LeastSquaresSelection(original, calibrationInputs, ridge, 0.0);
        Context context = new Context(original, check.calibration, ridge);
        Result zero = context.run(0.0, null);
        if (zero.network().parameterCount() <= maxParameters) {
            return zero;
        }
        double hi = MAX_EPSILON;
        Result best = context.run(hi, null);
        if (best.network().parameterCount() > maxParameters) {
            throw new SizeTargetUnreachableException(maxParameters, best.network().parameterCount(),
                    String.format(Locale.ROOT, "target %d parameters is out of reach for "
                    + "lsq: one neuron per hidden layer leaves %d", maxParameters, best.network().parameterCount()));
        }
        return Bisection.smallestFitting(hi, best, eps -> context.run(eps, null),
                r -> r.network().parameterCount() <= maxParameters).result();
    }

    /**
     * One set of calibration rows and one ridge: the original network's activations and next-layer pre-activations,
     * and per hidden layer and choice of the earlier layers' cuts the full greedy elimination (order and increases
     * down to one neuron; the greedy order does not depend on where it stops).
     */
    private static final class Context {
        private final Mlp original;
        private final double[][] rows;
        private final double ridge;
        private final List<double[][]> targets = new ArrayList<>();
        private final Map<String, Step> steps = new HashMap<>();

        /** A layer's elimination: removal order, absolute increases, the tables, the current activations. */
        private record Step(int[] order, double[] increases, Elimination elimination, double[][] h) {
        }

        Context(Mlp original, double[][] rows, double ridge) {
            this.original = original;
            this.rows = rows;
            this.ridge = ridge;
            double[][] x = rows;
            for (int l = 0; l + 1 < original.layers().size(); l++) {
                double[][] oh = new double[rows.length][];
                double[][] t = new double[rows.length][];
                for (int s = 0; s < rows.length; s++) {
                    oh[s] = original.layer(l).apply(x[s]);
                    t[s] = original.layer(l + 1).preActivation(oh[s]);
                }
                targets.add(t);
                x = oh;
            }
        }

        private Step step(String key, DenseLayer layer, double[][] x, int l) {
            Step st = steps.get(key);
            if (st != null) {
                return st;
            }
            double[][] h = new double[rows.length][];
            for (int s = 0; s < rows.length; s++) {
                h[s] = layer.apply(x[s]);
            }
            Elimination e = new Elimination(h, targets.get(l), ridge);
            int[] order = new int[e.alive() - 1];
            double[] inc = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = e.cheapest();
                inc[i] = e.increase(order[i]);
                e.remove(order[i]);
            }
            st = new Step(order, inc, e, h);
            steps.put(key, st);
            return st;
        }

        Result run(double epsilon, int[] widths) {
            int n = rows.length;
            List<DenseLayer> layers = new ArrayList<>(original.layers());
            List<int[]> origin = new ArrayList<>();
            List<double[]> increases = new ArrayList<>();
            double[][] x = rows;
            StringBuilder key = new StringBuilder();
            for (int l = 0; l + 1 < layers.size(); l++) {
                DenseLayer layer = layers.get(l);
                Step st = step(key.toString(), layer, x, l);
                Elimination e = st.elimination();
                int removed;
                if (widths != null) {
                    removed = layer.outputs() - widths[l];
                } else {
                    double budget = (epsilon + EXACT_SLACK) * e.totalSquares;
                    double used = 0;
                    removed = 0;
                    while (removed < st.order().length && used + st.increases()[removed] <= budget) {
                        used += st.increases()[removed];
                        removed++;
                    }
                }
                key.append(removed).append(',');
                boolean[] gone = new boolean[layer.outputs()];
                double[] inc = new double[removed];
                for (int i = 0; i < removed; i++) {
                    gone[st.order()[i]] = true;
                    inc[i] = st.increases()[i] / Math.max(e.totalSquares, Double.MIN_NORMAL);
                }
                int[] survivors = new int[layer.outputs() - removed];
                for (int j = 0, k = 0; j < gone.length; j++) {
                    if (!gone[j]) {
                        survivors[k++] = j;
                    }
                }
                double[][] w = layer.weights();
                double[] b = layer.bias();
                double[][] kw = new double[survivors.length][];
                double[] kb = new double[survivors.length];
                for (int i = 0; i < survivors.length; i++) {
                    kw[i] = w[survivors[i]];
                    kb[i] = b[survivors[i]];
                }
                double[][] theta = e.solve(survivors);
                int m = theta[0].length;
                double[][] nw = new double[m][survivors.length];
                double[] nb = new double[m];
                for (int c = 0; c < m; c++) {
                    for (int i = 0; i < survivors.length; i++) {
                        nw[c][i] = theta[i][c];
                    }
                    nb[c] = theta[survivors.length][c];
                }
                layers.set(l, new DenseLayer(kw, kb, layer.activation()));
                layers.set(l + 1, new DenseLayer(nw, nb, layers.get(l + 1).activation()));
                origin.add(survivors);
                increases.add(inc);
                double[][] nx = new double[n][];
                for (int s = 0; s < n; s++) {
                    double[] hs = new double[survivors.length];
                    for (int i = 0; i < survivors.length; i++) {
                        hs[i] = st.h()[s][survivors[i]];
                    }
                    nx[s] = hs;
                }
                x = nx;
            }
            int[] out = new int[original.outputs()];
            for (int i = 0; i < out.length; i++) {
                out[i] = i;
            }
            origin.add(out);
            return new Result(new Mlp(layers), origin, increases, widths == null ? epsilon : Double.NaN, ridge);
        }
    }

    /** How a selection is run on some rows with some ridge (an ε or a parameter budget). */
    @FunctionalInterface
    public interface Rule {
        Result run(double[][] rows, double ridge);
    }

    /**
     * Runs {@code rule} with its ridge chosen on held-out calibration rows, like {@link
     * LeastSquaresRefit#withValidatedRidge}: every fifth row is held out, the rule runs on the others with each ridge
     * of {@link LeastSquaresRefit#RIDGE_GRID}, and the ridge whose network deviates least from the original's outputs
     * on the held-out rows is used on all rows. Only the original network's outputs enter, never targets or test
     * rows. With fewer than 10 rows the default ridge is used.
     */
    public static Result withValidatedRidge(Mlp original, double[][] calibrationInputs, Rule rule) {
        double[][] all = WandaPruning.checkCalibration(original, calibrationInputs);
        if (all.length < 10) {
            return rule.run(all, LeastSquaresRefit.DEFAULT_RIDGE);
        }
        LeastSquaresRefit.HeldOut split = LeastSquaresRefit.HeldOut.of(all);
        double[][] fitRows = split.fit();
        double[][] heldRows = split.held();
        double[][] heldOutputs = RegressionMetrics.predict(original, heldRows);
        double best = LeastSquaresRefit.DEFAULT_RIDGE;
        double bestError = Double.POSITIVE_INFINITY;
        for (double r : LeastSquaresRefit.RIDGE_GRID) {
            Mlp candidate = rule.run(fitRows, r).network();
            double error = RegressionMetrics.of(RegressionMetrics.predict(candidate, heldRows), heldOutputs).rmse();
            if (error < bestError) {
                bestError = error;
                best = r;
            }
        }
        return rule.run(all, best);
    }

    /** The working tables of one layer: G, AᵀT, G⁻¹ and B over the live columns. */
    static final class Elimination {
        final int p;
        final int m;
        final double[][] g;
        final double[][] c;
        final double totalSquares;
        final boolean[] alive;
        double[][] ginv;
        double[][] beta;
        int live;

        /** @param h activations, rows × p; t targets, rows × m; ridge relative to the mean diagonal of HᵀH. */
        Elimination(double[][] h, double[][] t, double ridge) {
            p = h[0].length;
            m = t[0].length;
            g = new double[p + 1][p + 1];
            c = new double[p + 1][m];
            double[] a = new double[p + 1];
            double[] sum = new double[m];
            double[] sq = new double[m];
            for (int s = 0; s < h.length; s++) {
                System.arraycopy(h[s], 0, a, 0, p);
                a[p] = 1.0;
                for (int i = 0; i <= p; i++) {
                    for (int j = i; j <= p; j++) {
                        g[i][j] += a[i] * a[j];
                    }
                    for (int k = 0; k < m; k++) {
                        c[i][k] += a[i] * t[s][k];
                    }
                }
                for (int k = 0; k < m; k++) {
                    sum[k] += t[s][k];
                    sq[k] += t[s][k] * t[s][k];
                }
            }
            double lambda = LeastSquaresRefit.mirrorAndScaleRidge(g, p, ridge);
            for (int i = 0; i < p; i++) {
                g[i][i] += lambda;
            }
            double tss = 0;
            for (int k = 0; k < m; k++) {
                tss += Math.max(0, sq[k] - sum[k] * sum[k] / h.length);
            }
            totalSquares = tss;
            alive = new boolean[p];
            Arrays.fill(alive, true);
            live = p;
            refresh();
        }

        int alive() {
            return live;
        }

        /** G⁻¹ and B afresh over the live columns and the bias. */
        void refresh() {
            int[] idx = columns();
            double[][] inv = inverse(sub(g, idx));
            ginv = new double[p + 1][p + 1];
            beta = new double[p + 1][m];
            for (int u = 0; u < idx.length; u++) {
                for (int v = 0; v < idx.length; v++) {
                    ginv[idx[u]][idx[v]] = inv[u][v];
                }
            }
            for (int u : idx) {
                for (int v : idx) {
                    double q = ginv[u][v];
                    for (int k = 0; k < m; k++) {
                        beta[u][k] += q * c[v][k];
                    }
                }
            }
        }

        /** The exact increase of the ridge objective when neuron j goes: ‖B_j‖²/(G⁻¹)_jj. */
        double increase(int j) {
            double s = 0;
            for (int k = 0; k < m; k++) {
                s += beta[j][k] * beta[j][k];
            }
            return s / ginv[j][j];
        }

        /** The live neuron with the smallest increase (the lowest index among ties). */
        int cheapest() {
            for (int j = 0; j < p; j++) {
                if (alive[j] && !(ginv[j][j] > 0 && Double.isFinite(ginv[j][j]))) {
                    refresh();
                    break;
                }
            }
            int best = -1;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int j = 0; j < p; j++) {
                if (alive[j]) {
                    double v = increase(j);
                    if (best < 0 || v < bestValue) {
                        best = j;
                        bestValue = v;
                    }
                }
            }
            return best;
        }

        /** Drops neuron j: the rank-one downdate of G⁻¹ and B. */
        void remove(int j) {
            double d = ginv[j][j];
            int[] idx = columns();
            double[] col = new double[p + 1];
            for (int u : idx) {
                col[u] = ginv[u][j];
            }
            double[] bj = beta[j].clone();
            for (int u : idx) {
                if (u == j) {
                    continue;
                }
                double f = col[u] / d;
                for (int v : idx) {
                    ginv[u][v] -= f * col[v];
                }
                for (int k = 0; k < m; k++) {
                    beta[u][k] -= f * bj[k];
                }
            }
            alive[j] = false;
            live--;
            Arrays.fill(ginv[j], 0);
            for (int u = 0; u <= p; u++) {
                ginv[u][j] = 0;
            }
            Arrays.fill(beta[j], 0);
        }

        /** The live neurons, ascending. */
        int[] survivors() {
            int[] s = new int[live];
            int k = 0;
            for (int j = 0; j < p; j++) {
                if (alive[j]) {
                    s[k++] = j;
                }
            }
            return s;
        }

        /** The ridge solution on the given neurons plus the bias: rows = neurons then bias, columns = targets. */
        double[][] solve(int[] neurons) {
            int[] idx = Arrays.copyOf(neurons, neurons.length + 1);
            idx[neurons.length] = p;
            double[][] inv = inverse(sub(g, idx));
            double[][] theta = new double[idx.length][m];
            for (int u = 0; u < idx.length; u++) {
                for (int v = 0; v < idx.length; v++) {
                    double q = inv[u][v];
                    for (int k = 0; k < m; k++) {
                        theta[u][k] += q * c[idx[v]][k];
                    }
                }
            }
            return theta;
        }

        /** B over the live neurons (rows in ascending order) then the bias row: for tests. */
        double[][] coefficients() {
            int[] idx = columns();
            double[][] out = new double[idx.length][];
            for (int u = 0; u < idx.length; u++) {
                out[u] = beta[idx[u]].clone();
            }
            return out;
        }

        private int[] columns() {
            int[] s = survivors();
            int[] idx = Arrays.copyOf(s, s.length + 1);
            idx[s.length] = p;
            return idx;
        }

        private static double[][] sub(double[][] a, int[] idx) {
            double[][] out = new double[idx.length][idx.length];
            for (int u = 0; u < idx.length; u++) {
                for (int v = 0; v < idx.length; v++) {
                    out[u][v] = a[idx[u]][idx[v]];
                }
            }
            return out;
        }

        private static double[][] inverse(double[][] a) {
            RealMatrix m = new Array2DRowRealMatrix(a, false);
            try {
                return new CholeskyDecomposition(m, 1e-12, 0.0).getSolver().getInverse().getData();
            } catch (MathIllegalArgumentException e) {
                return new SingularValueDecomposition(m).getSolver().getInverse().getData();
            }
        }
    }
}
