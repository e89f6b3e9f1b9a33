package org.odelump.nn.compress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.prune.PrunedNetwork;
import org.odelump.nn.prune.WandaPruning;

/**
 * The {@code refit} compensation, the same for every compression method: a least-squares refit of the weights that
 * follow each changed layer, on calibration data.
 * <p>
 * Layers are visited in order. Once some layer l differs from the original, every later layer m &gt; l is re-solved:
 * with X the calibration inputs propagated through the compressed network's layers 0..m−1 (already refitted) and T
 * the original network's pre-activations of layer m, each output row i of layer m is re-solved so that
 * W[i,·]·x + b_i matches T[·, origin(i)], where origin(i) is the original neuron that compressed neuron i stands for.
 * Only the row's non-zero entries are free (its zero pattern is kept; the bias only if it is non-zero), so the refit
 * never increases the non-zero count. The first layer is never refitted: its inputs do not change.
 * <p>
 * With {@code changedRows} (the {@link Compensation#REFIT_ALL} variant) the rows of every layer that differs from the
 * original are re-solved as well, the first layer included: a pruned row's remaining weights then absorb what the
 * pruned ones contributed, and the row of a merged neuron standing for a block B of original neurons is fitted to
 * σ⁻¹(mean_{k∈B} σ(z_k)), the pre-activation whose activation is the block's mean activation (the merged neuron's
 * outgoing column is the block's summed column, so it then passes on the block's summed activation). σ⁻¹ is atanh
 * for TANH and the logit for LOGISTIC, with the mean clipped to 1e-9 inside the open range; for IDENTITY and RELU the
 * mean pre-activation is used instead.
 * <p>
 * Each row solves the ridge-regularised normal equations (A_Sᵀ A_S + λ D) θ = A_Sᵀ t, with A = [X, 1], S the free
 * entries and D the identity on weights and zero on the bias, λ = {@code ridge} · mean diag(XᵀX) (scale-free; default
 * {@value #DEFAULT_RIDGE}), by Hipparchus' Cholesky decomposition (SVD pseudo-inverse if Cholesky fails). Rows with the
 * same free pattern (every row of a dense layer) share one factorisation. Cost per layer O(N·p²) for the Gram matrix
 * plus O(p³) per distinct pattern, N samples and p inputs.
 * <p>
 * Safeguard: if the refitted network's mean squared deviation from the original network's outputs on the
 * calibration inputs is larger than the unrefitted one's, the unrefitted network is returned (reported in the
 * result), so the refit never increases the calibration error.
 */
public final class LeastSquaresRefit {

    /** Default relative ridge term. */
    public static final double DEFAULT_RIDGE = 1e-10;

    /** The relative ridge terms {@link #withValidatedRidge} chooses from. */
    static final double[] RIDGE_GRID = {1e-10, 1e-6, 1e-3, 1e-1};

    /**
     * The refit with its ridge chosen on held-out calibration rows: every fifth row is held out, the refit is fitted
     * on the others with each ridge of {1e-10, 1e-6, 1e-3, 1e-1}, and the ridge whose network deviates least from
     * the original's outputs on the held-out rows is used for the refit on all rows. The selection looks only at
     * the original network's outputs, never at targets or test data. A tiny ridge can fit the calibration rows
     * well and extrapolate badly when pruning has left a layer ill-conditioned (seen after Wanda's row-wise
     * pruning); the held-out rows detect that. With fewer than 10 rows the default ridge is used.
     */
    public static Result withValidatedRidge(Mlp original, Mlp compressed, List<int[]> neuronOrigin,
            double[][] calibrationInputs) {
        return withValidatedRidge(original, compressed, neuronOrigin, null, false, calibrationInputs);
    }

    /**
     * {@link #withValidatedRidge(Mlp, Mlp, List, double[][])} with the options of the {@link Compensation#REFIT_ALL}
     * variant.
     *
     * @param neuronBlocks per layer, per compressed neuron, the original neurons whose mean activation it stands for
     *                     (null: each stands for its origin alone)
     * @param changedRows  also re-solve the rows of the layers that differ from the original
     */
    public static Result withValidatedRidge(Mlp original, Mlp compressed, List<int[]> neuronOrigin,
            List<int[][]> neuronBlocks, boolean changedRows, double[][] calibrationInputs) {
        double[][] all = WandaPruning.checkCalibration(original, calibrationInputs);
        if (all.length < 10) {
            return new LeastSquaresRefit(original, compressed, neuronOrigin, neuronBlocks, changedRows, all,
                    DEFAULT_RIDGE, null).compute();
        }
        HeldOut split = HeldOut.of(all);
        double[][] fitRows = split.fit();
        double[][] heldRows = split.held();
        Trace fitTrace = new Trace(original, fitRows);
        double[][] heldOutputs = new Trace(original, heldRows).outputs();
        double best = DEFAULT_RIDGE;
        double bestError = Double.POSITIVE_INFINITY;
        for (double ridge : RIDGE_GRID) {
            Mlp candidate = new LeastSquaresRefit(original, compressed, neuronOrigin, neuronBlocks, changedRows,
                    fitRows, ridge, fitTrace).compute().network();
            double error = RegressionMetrics.of(RegressionMetrics.predict(candidate, heldRows), heldOutputs).rmse();
            if (error < bestError) {
                bestError = error;
                best = ridge;
            }
        }
        return new LeastSquaresRefit(original, compressed, neuronOrigin, neuronBlocks, changedRows, all, best, null)
                .compute();
    }

    /** Calibration rows split for choosing a ridge: every fifth row held out, the others to fit. */
    record HeldOut(double[][] fit, double[][] held) {
        static HeldOut of(double[][] all) {
            List<double[]> fit = new ArrayList<>();
            List<double[]> held = new ArrayList<>();
            for (int s = 0; s < all.length; s++) {
                (s % 5 == 4 ? held : fit).add(all[s]);
            }
            return new HeldOut(fit.toArray(new double[0][]), held.toArray(new double[0][]));
        }
    }

    private final Mlp original;
    private final Mlp compressed;
    private final List<int[]> origin;
    private final double[][] calibration;
    private final double ridge;
    private final List<int[][]> blocks;
    private final boolean changedRows;
    private Trace trace;

    /** The original network on the calibration inputs: every layer's pre-activations, and the outputs. */
    private record Trace(List<double[][]> preActivations, double[][] outputs) {
        Trace(Mlp original, double[][] inputs) {
            this(new ArrayList<>(), new double[inputs.length][]);
            double[][] x = inputs;
            for (DenseLayer layer : original.layers()) {
                double[][] pre = new double[x.length][];
                double[][] next = new double[x.length][];
                for (int s = 0; s < x.length; s++) {
                    pre[s] = layer.preActivation(x[s]);
                    next[s] = pre[s].clone();
                    for (int j = 0; j < next[s].length; j++) {
                        next[s][j] = layer.activation().apply(next[s][j]);
                    }
                }
                preActivations.add(pre);
                x = next;
            }
            System.arraycopy(x, 0, outputs, 0, x.length);
        }
    }

    /** Refits a pruning baseline's network with the default ridge. */
    public LeastSquaresRefit(Mlp original, PrunedNetwork compressed, double[][] calibrationInputs) {
        this(original, compressed.network(), compressed.neuronOrigin(), calibrationInputs, DEFAULT_RIDGE);
    }

    /**
     * @param original          the uncompressed network
     * @param compressed        the compressed network: same depth, inputs and outputs; hidden widths may be smaller
     * @param neuronOrigin      per layer, for each compressed neuron the original neuron it stands for (for a merged
     *                          block, its representative)
     * @param calibrationInputs network inputs, samples × inputs, at least one sample
     * @param ridge             relative ridge term λ/mean diag(XᵀX), positive
     */
    public LeastSquaresRefit(Mlp original, Mlp compressed, List<int[]> neuronOrigin, double[][] calibrationInputs,
            double ridge) {
        this(original, compressed, neuronOrigin, null, false, calibrationInputs, ridge, null);
    }

    /**
     * {@code blocks} and {@code changedRows}: see {@link #withValidatedRidge(Mlp, Mlp, List, List, boolean,
     * double[][])}; {@code trace}: the original network on these calibration inputs, when the caller has it.
     */
    private LeastSquaresRefit(Mlp original, Mlp compressed, List<int[]> neuronOrigin, List<int[][]> blocks,
            boolean changedRows, double[][] calibrationInputs, double ridge, Trace trace) {
        this.trace = trace;
        this.changedRows = changedRows;
        this.blocks = blocks == null ? null : List.copyOf(blocks);
        this.original = Objects.requireNonNull(original, "original");
        this.compressed = Objects.requireNonNull(compressed, "compressed");
        if (original.layers().size() != compressed.layers().size() || original.inputs() != compressed.inputs()
                || original.outputs() != compressed.outputs()) {
            throw new IllegalArgumentException("compressed network " + compressed + " does not match " + original);
        }
        if (neuronOrigin.size() != compressed.layers().size()) {
            throw new IllegalArgumentException("one neuron map per layer expected");
        }
        this.origin = new ArrayList<>();
        for (int l = 0; l < neuronOrigin.size(); l++) {
            int[] o = neuronOrigin.get(l).clone();
            if (o.length != compressed.layer(l).outputs()) {
                throw new IllegalArgumentException("neuron map of layer " + l + " has " + o.length + " entries for "
                        + compressed.layer(l).outputs() + " neurons");
            }
            for (int k : o) {
                if (k < 0 || k >= original.layer(l).outputs()) {
                    throw new IllegalArgumentException("neuron map of layer " + l + " names neuron " + k);
                }
            }
            origin.add(o);
            if (blocks != null) {
                int[][] b = blocks.get(l);
                if (b.length != o.length) {
                    throw new IllegalArgumentException("blocks of layer " + l + " have " + b.length + " entries for "
                            + o.length + " neurons");
                }
                for (int[] members : b) {
                    for (int k : members) {
                        if (k < 0 || k >= original.layer(l).outputs()) {
                            throw new IllegalArgumentException("block of layer " + l + " names neuron " + k);
                        }
                    }
                }
            }
        }
        if (blocks != null && blocks.size() != neuronOrigin.size()) {
            throw new IllegalArgumentException("one block map per layer expected");
        }
        this.calibration = WandaPruning.checkCalibration(original, calibrationInputs);
        if (!(ridge > 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be positive, got " + ridge);
        }
        this.ridge = ridge;
    }

    /**
     * @param network           the refitted network, or the compressed one when the refit was rejected
     * @param calibrationMseBefore mean squared deviation of the compressed network's outputs from the original's
     * @param calibrationMseAfter  the same for {@link #network}
     * @param accepted          false when the safeguard kept the unrefitted network
     * @param refittedLayers    indices of the layers that were re-solved
     * @param ridge             the relative ridge term used
     */
    public record Result(Mlp network, double calibrationMseBefore, double calibrationMseAfter, boolean accepted,
            List<Integer> refittedLayers, double ridge) {
        public Result {
            refittedLayers = List.copyOf(refittedLayers);
        }
    }

    public Result compute() {
        int n = calibration.length;
        if (trace == null) {
            trace = new Trace(original, calibration);
        }
        double[][] x = calibration;
        boolean changed = false;
        List<DenseLayer> layers = new ArrayList<>();
        List<Integer> refitted = new ArrayList<>();
        for (int l = 0; l < compressed.layers().size(); l++) {
            DenseLayer orig = original.layer(l);
            double[][] target = trace.preActivations().get(l);
            DenseLayer layer = compressed.layer(l);
            boolean differs = !layer.equals(orig);
            if (changed || (changedRows && differs)) {
                layer = refit(layer, x, rowTargets(l, target, orig.activation()));
                refitted.add(l);
            }
            changed |= differs;
            layers.add(layer);
            double[][] nx = new double[n][];
            for (int s = 0; s < n; s++) {
                nx[s] = layer.apply(x[s]);
            }
            x = nx;
        }
        Mlp result = new Mlp(layers);
        double before = deviation(compressed);
        double after = deviation(result);
        boolean accepted = after <= before;
        return new Result(accepted ? result : compressed, before, accepted ? after : before, accepted, refitted,
                ridge);
    }

    private double deviation(Mlp net) {
        double sum = 0;
        long count = 0;
        for (int s = 0; s < calibration.length; s++) {
            double[] a = trace.outputs()[s];
            double[] b = net.apply(calibration[s]);
            for (int j = 0; j < a.length; j++) {
                sum += (a[j] - b[j]) * (a[j] - b[j]);
                count++;
            }
        }
        return sum / count;
    }

    /**
     * Per calibration row and compressed neuron of layer l, the pre-activation its row is fitted to: the origin's
     * pre-activation, or with {@code changedRows} and a block the inverse activation of the block's mean activation.
     */
    private double[][] rowTargets(int l, double[][] pre, Activation act) {
        int[] o = origin.get(l);
        int[][] b = changedRows && blocks != null ? blocks.get(l) : null;
        double[][] t = new double[pre.length][o.length];
        for (int s = 0; s < pre.length; s++) {
            for (int r = 0; r < o.length; r++) {
                t[s][r] = b == null || b[r].length <= 1 ? pre[s][o[r]] : blockTarget(pre[s], b[r], act);
            }
        }
        return t;
    }

    private static double blockTarget(double[] z, int[] members, Activation act) {
        double mean = 0;
        for (int k : members) {
            mean += act == Activation.TANH || act == Activation.LOGISTIC ? act.apply(z[k]) : z[k];
        }
        mean /= members.length;
        return switch (act) {
            case TANH -> {
                double m = Math.max(-1 + 1e-9, Math.min(1 - 1e-9, mean));
                yield 0.5 * Math.log((1 + m) / (1 - m));
            }
            case LOGISTIC -> {
                double m = Math.max(1e-9, Math.min(1 - 1e-9, mean));
                yield Math.log(m / (1 - m));
            }
            case IDENTITY, RELU -> mean;
        };
    }

    /** Re-solves every row of {@code layer} (keeping its zero pattern) so that row r matches {@code target[·][r]}. */
    private DenseLayer refit(DenseLayer layer, double[][] x, double[][] target) {
        int n = x.length;
        int p = layer.inputs();
        // Gram matrix of A = [X, 1] and A^T T for the targets of every compressed row
        double[][] g = new double[p + 1][p + 1];
        double[][] rhs = new double[p + 1][layer.outputs()];
        double[] a = new double[p + 1];
        for (int s = 0; s < n; s++) {
            System.arraycopy(x[s], 0, a, 0, p);
            a[p] = 1.0;
            for (int i = 0; i <= p; i++) {
                if (a[i] == 0.0) {
                    continue;
                }
                for (int j = i; j <= p; j++) {
                    g[i][j] += a[i] * a[j];
                }
                for (int r = 0; r < layer.outputs(); r++) {
                    rhs[i][r] += a[i] * target[s][r];
                }
            }
        }
        double lambda = mirrorAndScaleRidge(g, p, ridge);
        double[][] w = layer.weights();
        double[] b = layer.bias();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < w.length; r++) {
            boolean[] free = new boolean[p + 1];
            for (int i = 0; i < p; i++) {
                free[i] = w[r][i] != 0.0;
            }
            free[p] = b[r] != 0.0;
            groups.computeIfAbsent(Arrays.toString(free), k -> new ArrayList<>()).add(r);
        }
        for (List<Integer> rows : groups.values()) {
            int r0 = rows.get(0);
            int[] idx = freeIndices(w[r0], b[r0]);
            if (idx.length == 0) {
                continue;
            }
            double[][] m = new double[idx.length][idx.length];
            double[][] c = new double[idx.length][rows.size()];
            for (int u = 0; u < idx.length; u++) {
                for (int v = 0; v < idx.length; v++) {
                    m[u][v] = g[idx[u]][idx[v]];
                }
                if (idx[u] < p) {
                    m[u][u] += lambda;
                }
                for (int q = 0; q < rows.size(); q++) {
                    c[u][q] = rhs[idx[u]][rows.get(q)];
                }
            }
            RealMatrix theta = solver(new Array2DRowRealMatrix(m, false)).solve(new Array2DRowRealMatrix(c, false));
            for (int q = 0; q < rows.size(); q++) {
                int r = rows.get(q);
                for (int u = 0; u < idx.length; u++) {
                    double v = theta.getEntry(u, q);
                    if (idx[u] < p) {
                        w[r][idx[u]] = v;
                    } else {
                        b[r] = v;
                    }
                }
            }
        }
        return new DenseLayer(w, b, layer.activation());
    }

    private static DecompositionSolver solver(RealMatrix m) {
        try {
            return new CholeskyDecomposition(m, 1e-9, 0.0).getSolver();
        } catch (MathIllegalArgumentException e) {
            return new SingularValueDecomposition(m).getSolver();
        }
    }

    private static int[] freeIndices(double[] row, double bias) {
        int k = 0;
        int[] idx = new int[row.length + 1];
        for (int i = 0; i < row.length; i++) {
            if (row[i] != 0.0) {
                idx[k++] = i;
            }
        }
        if (bias != 0.0) {
            idx[k++] = row.length;
        }
        return Arrays.copyOf(idx, k);
    }

    /**
     * Completes the symmetric Gram matrix {@code g} ((p+1)×(p+1), upper triangle filled, the last row and column
     * for the bias) and returns the ridge term: {@code ridge} times the mean of the p weight diagonal entries (or
     * times 1 when they are all 0), so the ridge does not depend on the scale of the activations.
     */
    static double mirrorAndScaleRidge(double[][] g, int p, double ridge) {
        double diag = 0;
        for (int i = 0; i <= p; i++) {
            for (int j = 0; j < i; j++) {
                g[i][j] = g[j][i];
            }
            if (i < p) {
                diag += g[i][i];
            }
        }
        return ridge * (diag > 0 ? diag / p : 1.0);
    }
}
