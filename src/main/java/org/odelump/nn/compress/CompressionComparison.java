package org.odelump.nn.compress;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.odelump.lumping.EpsilonMode;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.prune.BaselineMatching;
import org.odelump.nn.prune.PrunedNetwork;

/**
 * Compares compression methods on one trained network: compresses it by any {@link CompressionMethod} at an ε or
 * within a parameter budget, applies a {@link Compensation}, scores the result on test data, and prunes the
 * baselines to the very parameter count a method reached ({@link BaselineMatching}), so that every method is compared
 * at the same size. {@code odelump compress} and the experiment's runs both go through it.
 *
 * <p>The layer-wise encoding ({@link LumpingCompressor#prepare}) is built on first use and kept, and so is one
 * {@link EpsilonSearch} per method and mode; a comparison is therefore meant for one thread. Every result is
 * deterministic given the network, the calibration rows and the size.
 */
public final class CompressionComparison {

    /**
     * Test data in the network's terms: the inputs as the network reads them (standardised where the network is),
     * the targets in the data's units, and the map from network outputs to those units.
     */
    public record Scoring(double[][] inputs, double[][] targets, UnaryOperator<double[]> toDataUnits) {
        public Scoring {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(targets, "targets");
            Objects.requireNonNull(toDataUnits, "toDataUnits");
            if (inputs.length != targets.length) {
                throw new IllegalArgumentException(inputs.length + " test inputs, " + targets.length + " targets");
            }
        }

        /** The network's predictions of every test row, in the data's units. */
        public double[][] predict(Mlp net) {
            double[][] pred = new double[inputs.length][];
            for (int r = 0; r < pred.length; r++) {
                pred[r] = toDataUnits.apply(net.apply(inputs[r]));
            }
            return pred;
        }

        /** Test metrics in the data's units. */
        public RegressionMetrics score(Mlp net) {
            return RegressionMetrics.of(predict(net), targets);
        }
    }

    /**
     * What a method produced before compensation.
     *
     * @param network      the compressed network
     * @param neuronOrigin per layer, the original neuron each kept neuron stands for
     * @param neuronBlocks per layer and neuron, the merged block it stands for (afde/abde on weights), else null
     * @param epsilon      the ε used or found (NaN for a baseline)
     * @param evaluations  compressions the ε search ran (afde/abde on weights; 0 otherwise)
     * @param description  how it was made, for reports
     * @param seconds      wall time of the compression (and of its search)
     */
    public record Compressed(CompressionMethod method, Mlp network, List<int[]> neuronOrigin,
                             List<int[][]> neuronBlocks, double epsilon, int evaluations, String description,
                             double seconds) {
        public Compressed {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(network, "network");
            neuronOrigin = List.copyOf(neuronOrigin);
            neuronBlocks = neuronBlocks == null ? null : List.copyOf(neuronBlocks);
        }
    }

    /**
     * One method's compensated network and its test scores.
     *
     * @param epsilon the method's ε (NaN for a baseline)
     * @param seconds compression (for a matched baseline its share of the pruning) plus compensation, wall time
     */
    public record Result(CompressionMethod method, String description, Compensation compensation, double epsilon,
                         Mlp network, RegressionMetrics test, double seconds) {
        public Result {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(compensation, "compensation");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(test, "test");
        }

        /** Non-zero parameters (weights and biases) of the compensated network. */
        public long parameters() {
            return network.nonZeroCount();
        }
    }

    /** One point of {@link #sweep}: afde at a relative ε, then every baseline at its count. */
    public record SweepPoint(double epsilon, long lumpedParameters, List<Result> results) {
        public SweepPoint {
            results = List.copyOf(results);
        }
    }

    /** Told after each point of a {@link #sweep}. */
    @FunctionalInterface
    public interface SweepListener {
        void pointDone(int done, int total, double epsilon, long parameters);

        /** Ignores everything. */
        SweepListener NONE = (done, total, epsilon, parameters) -> { };
    }

    private final Mlp original;
    private final double[][] calibration;
    private final Scoring scoring;
    private LumpingCompressor.Prepared prepared;
    private final Map<LumpingCompressor.Method, Map<EpsilonMode, EpsilonSearch>> searches =
            new EnumMap<>(LumpingCompressor.Method.class);

    /**
     * @param original    the trained network
     * @param calibration network inputs for Wanda's norms, the refit and lsq's ridge ({@link #calibration})
     * @param scoring     the test data
     */
    public CompressionComparison(Mlp original, double[][] calibration, Scoring scoring) {
        this.original = Objects.requireNonNull(original, "original");
        this.calibration = Objects.requireNonNull(calibration, "calibration").clone();
        this.scoring = Objects.requireNonNull(scoring, "scoring");
    }

    /**
     * The calibration rows: the first {@code rows} (at most all) of the training data after a shuffle with
     * {@code seed}, as the network reads them.
     */
    public static double[][] calibration(Dataset train, int rows, long seed, UnaryOperator<double[]> toNetwork) {
        Dataset shuffled = train.split(1, 0, 0, seed).train();
        int n = Math.min(rows, shuffled.rows());
        double[][] cal = new double[n][];
        for (int r = 0; r < n; r++) {
            cal[r] = toNetwork.apply(shuffled.inputRow(r));
        }
        return cal;
    }

    public Mlp original() {
        return original;
    }

    public Scoring scoring() {
        return scoring;
    }

    /** The calibration rows (a copy). */
    public double[][] calibrationRows() {
        return calibration.clone();
    }

    /**
     * A lumping method at ε ({@code mode} is read by afde and abde on weights; the other criteria read ε as
     * relative).
     */
    public Compressed atEpsilon(CompressionMethod m, double epsilon, EpsilonMode mode) {
        if (m.prunes()) {
            throw new IllegalArgumentException(m.key() + " prunes to a parameter count, not at an epsilon");
        }
        long ts = System.nanoTime();
        return switch (m) {
            case LSQ -> lsq(LeastSquaresSelection.withValidatedRidge(original, calibration,
                    (rows, ridge) -> new LeastSquaresSelection(original, rows, ridge, epsilon).compute()), ts);
            case DYNAMICS -> dynamics(new DynamicsLumping(original, calibration, epsilon).compute(), ts);
            default -> {
                EpsilonSearch s = search(m, mode);
                long t1 = System.nanoTime();
                yield lumped(m, epsilon, mode, s.at(epsilon), 1, t1);
            }
        };
    }

    /**
     * A method within {@code target} non-zero parameters: afde/abde on weights at the smallest ε that reaches it
     * ({@link EpsilonSearch#atMost}), lsq and dynamics at the largest dense size within it, a baseline pruned to it.
     *
     * @throws SizeTargetUnreachableException if the method cannot get that small
     */
    public Compressed atMost(CompressionMethod m, long target, EpsilonMode mode) {
        long ts = System.nanoTime();
        return switch (m) {
            case LSQ -> lsq(LeastSquaresSelection.withValidatedRidge(original, calibration,
                    (rows, ridge) -> LeastSquaresSelection.atMost(original, rows, ridge, target)), ts);
            case DYNAMICS -> dynamics(DynamicsLumping.atMost(original, calibration, target), ts);
            case AFDE, ABDE -> {
                EpsilonSearch s = search(m, mode);
                long t1 = System.nanoTime();
                EpsilonSearch.Found f = s.atMost(target);
                yield lumped(m, f.epsilon(), mode, f.result(), f.evaluations(), t1);
            }
            default -> {
                PrunedNetwork p = new BaselineMatching(original, calibration, target).compute(m.baseline());
                yield new Compressed(m, p.network(), p.neuronOrigin(), null, Double.NaN, 0, p.method(),
                        (System.nanoTime() - ts) / 1e9);
            }
        };
    }

    /**
     * A method at the size asked: {@link #atEpsilon} for an ε, else {@link #atMost} the request's target count.
     *
     * @throws CompressionMethod.InvalidChoiceException if ε is asked of a baseline or the count lies outside
     *                                                  1..(the original's non-zero parameters)
     * @throws SizeTargetUnreachableException          if the method cannot get that small
     */
    public Compressed compress(CompressionMethod m, SizeRequest size) {
        if (size.kind() == SizeRequest.Kind.EPSILON) {
            if (m.prunes()) {
                throw new CompressionMethod.InvalidChoiceException("--epsilon applies to afde and abde; --method "
                        + m.option() + " needs --params or --ratio");
            }
            return atEpsilon(m, size.value(), size.mode());
        }
        return atMost(m, size.targetCount(original.nonZeroCount()), size.mode());
    }

    /** The compressed network under a compensation, scored. */
    public Result compensate(Compressed c, Compensation compensation) {
        long ts = System.nanoTime();
        Mlp net = compensation.apply(original, c.network(), c.neuronOrigin(), c.neuronBlocks(), calibration);
        double seconds = c.seconds() + (System.nanoTime() - ts) / 1e9;
        return new Result(c.method(), c.description(), compensation, c.epsilon(), net, scoring.score(net), seconds);
    }

    /**
     * The given baselines pruned to {@code count} non-zero parameters (in {@link BaselineMatching.Baseline} order),
     * each under every given compensation (in that order), scored. Each result's time is its share of the pruning
     * plus its compensation.
     */
    public List<Result> matched(long count, Set<CompressionMethod> baselines, List<Compensation> compensations) {
        long ts = System.nanoTime();
        BaselineMatching matching = new BaselineMatching(original, calibration, count);
        Map<BaselineMatching.Baseline, PrunedNetwork> pruned = new EnumMap<>(BaselineMatching.Baseline.class);
        for (BaselineMatching.Baseline b : BaselineMatching.Baseline.values()) {
            if (baselines.contains(CompressionMethod.of(b))) {
                pruned.put(b, matching.compute(b));
            }
        }
        double each = pruned.isEmpty() ? 0 : (System.nanoTime() - ts) / 1e9 / pruned.size();
        List<Result> out = new ArrayList<>();
        for (Map.Entry<BaselineMatching.Baseline, PrunedNetwork> e : pruned.entrySet()) {
            PrunedNetwork p = e.getValue();
            Compressed c = new Compressed(CompressionMethod.of(e.getKey()), p.network(), p.neuronOrigin(), null,
                    Double.NaN, 0, p.method(), each);
            for (Compensation comp : compensations) {
                out.add(compensate(c, comp));
            }
        }
        return out;
    }

    /**
     * The matched comparison: {@code c} under the compensation, then every baseline other than {@code c}'s own
     * method pruned to the non-zero count {@code c} reached, under the same compensation.
     */
    public List<Result> withMatchedBaselines(Compressed c, Compensation compensation) {
        Set<CompressionMethod> baselines = EnumSet.noneOf(CompressionMethod.class);
        for (CompressionMethod m : CompressionMethod.values()) {
            if (m.prunes() && m != c.method()) {
                baselines.add(m);
            }
        }
        List<Result> out = new ArrayList<>();
        out.add(compensate(c, compensation));
        out.addAll(matched(c.network().nonZeroCount(), baselines, List.of(compensation)));
        return out;
    }

    /**
     * afde on weights at {@code points} relative ε values ({@link EpsilonSearch#grid}), each under the
     * compensation, with every baseline matched to afde's count at that ε.
     */
    public List<SweepPoint> sweep(int points, Compensation compensation, SweepListener listener) {
        LumpingCompressor.Prepared p = prepared();
        double[] eps = new EpsilonSearch(p, LumpingCompressor.Method.AFDE, EpsilonMode.REL).grid(points);
        List<SweepPoint> out = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            Compressed c = atEpsilon(CompressionMethod.AFDE, eps[i], EpsilonMode.REL);
            long count = c.network().nonZeroCount();
            out.add(new SweepPoint(eps[i], count, withMatchedBaselines(c, compensation)));
            listener.pointDone(i + 1, eps.length, eps[i], count);
        }
        return out;
    }

    /** A number in at most six significant digits, without trailing zeros (as the reports print ε). */
    public static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    /**
     * Builds the layer-wise encoding afde and abde on weights lump (otherwise built on their first use), so that
     * a caller can show it as a phase of its own and keep it out of the first method's time.
     */
    public void prepareEncoding() {
        prepared();
    }

    private LumpingCompressor.Prepared prepared() {
        if (prepared == null) {
            prepared = LumpingCompressor.prepare(original, NetworkEncoder.DEFAULT_BETA, true);
        }
        return prepared;
    }

    private EpsilonSearch search(CompressionMethod m, EpsilonMode mode) {
        return searches.computeIfAbsent(m.lumping(), k -> new EnumMap<>(EpsilonMode.class))
                .computeIfAbsent(mode, k -> new EpsilonSearch(prepared(), m.lumping(), mode));
    }

    private Compressed lumped(CompressionMethod m, double epsilon, EpsilonMode mode, LumpingCompressor.Result r,
                              int evaluations, long since) {
        String description = String.format(Locale.ROOT, "%s, epsilon %s (%s); exact reductions %s; %s",
                m.lumping(), format(epsilon), mode, r.exact(), r.provenance());
        return new Compressed(m, r.network(), r.neuronOrigin(), r.neuronBlocks(), epsilon, evaluations,
                description, (System.nanoTime() - since) / 1e9);
    }

    private Compressed lsq(LeastSquaresSelection.Result r, long since) {
        return new Compressed(CompressionMethod.LSQ, r.network(), r.neuronOrigin(), null, r.epsilon(), 0,
                r.describe(), (System.nanoTime() - since) / 1e9);
    }

    private Compressed dynamics(DynamicsLumping.Result r, long since) {
        return new Compressed(CompressionMethod.DYNAMICS, r.network(), r.neuronOrigin(), null, r.epsilon(), 0,
                r.describe(), (System.nanoTime() - since) / 1e9);
    }
}
