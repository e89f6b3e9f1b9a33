package org.odelump.nn.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.odelump.io.AtomicFiles;
import org.odelump.lumping.EpsilonMode;
import org.odelump.nn.BaselineMatching;
import org.odelump.nn.Compensation;
import org.odelump.nn.Dataset;
import org.odelump.nn.DynamicsLumping;
import org.odelump.nn.EpsilonSearch;
import org.odelump.nn.LeastSquaresSelection;
import org.odelump.nn.LumpingCompressor;
import org.odelump.nn.Mlp;
import org.odelump.nn.MlpTrainer;
import org.odelump.nn.NetworkEncoder;
import org.odelump.nn.PrunedNetwork;
import org.odelump.nn.RegressionMetrics;
import org.odelump.nn.SizeTargetUnreachableException;
import org.odelump.nn.Standardisation;
import org.odelump.nn.TrainingListener;
import org.odelump.nn.TrainingReport;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;
import org.odelump.nn.io.NetworkProvenance;

/**
 * One network of an experiment: one dataset, one architecture, one seed. Splits the data 80/10/10 with the seed,
 * standardises inputs and targets on the training split, trains (or reuses the cached network of an earlier run
 * with the same training settings and data), then measures every method at each removed fraction r of the plan (the
 * tables' and the plots'): AFDE and ABDE at the smallest relative ε whose network has at most (1 − r)·P non-zero
 * parameters ({@link EpsilonSearch#atMost}), and the four pruning baselines at exactly AFDE's count there
 * ({@link BaselineMatching}), each under every {@link Compensation}. ε is fixed by parameter counts only, and the
 * calibration inputs (Wanda's activation norms, the refit) are training rows: the test split enters nothing but
 * the score.
 *
 * <p>Files in the run's directory, each written atomically: {@code network.json} (the trained network with its
 * standardisation, in odelump's network format), {@code training.json} (loss curves and the training
 * fingerprint), {@code run.json} (provenance and every result row; its presence with a matching fingerprint marks
 * the run as done).
 */
final class NetworkRun {

    /** Softplus β of the encoding (only ReLU layers use it; the experiment trains tanh networks). */

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Rows measured and the provenance written with them. */
    record Outcome(List<ResultRow> rows, boolean reused, boolean retrained) {
    }

    private final ExperimentPlan plan;
    private final ExperimentDataset data;
    private final List<Integer> architecture;
    private final int seed;
    private final Path dir;
    private final Consumer<String> phase;
    private final String version;

    /**
     * @param phase   receives a short description of each phase as it starts (for progress displays)
     * @param version odelump's version, written into the provenance
     */
    NetworkRun(ExperimentPlan plan, ExperimentDataset data, List<Integer> architecture, int seed, Path dir,
               Consumer<String> phase, String version) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.data = Objects.requireNonNull(data, "data");
        this.architecture = List.copyOf(architecture);
        this.seed = seed;
        this.dir = Objects.requireNonNull(dir, "dir");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.version = version;
    }

    /** The run's directory under an output directory. */
    static Path directory(Path output, String dataset, List<Integer> architecture, int seed) {
        return output.resolve("runs").resolve(dataset).resolve(ExperimentPlan.name(architecture))
                .resolve("seed-" + seed);
    }

    private String runFingerprint() {
        return plan.runFingerprint() + "; data " + data.source();
    }

    private String trainingFingerprint() {
        return plan.trainingFingerprint() + "; data " + data.source();
    }

    /** The rows of a finished run with the same fingerprint, if there is one. */
    List<ResultRow> cached() throws IOException {
        Path run = dir.resolve("run.json");
        if (!Files.isRegularFile(run)) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(run.toFile());
        } catch (IOException e) {
            return null;
        }
        if (!runFingerprint().equals(root.path("fingerprint").asText())) {
            return null;
        }
        List<ResultRow> rows = new ArrayList<>();
        for (JsonNode r : root.path("rows")) {
            rows.add(new ResultRow(r.path("dataset").asText(), r.path("architecture").asText(),
                    r.path("seed").asInt(), ResultRow.Kind.valueOf(r.path("kind").asText()),
                    number(r, "level"), r.path("method").asText(), r.path("compensation").asText(),
                    number(r, "epsilon"), r.path("parameters").asLong(), number(r, "removed"), number(r, "rmse"),
                    number(r, "mae"), number(r, "r2"), number(r, "seconds")));
        }
        return rows;
    }

    Outcome compute() throws IOException {
        List<ResultRow> done = cached();
        if (done != null) {
            return new Outcome(done, true, false);
        }
        Files.createDirectories(dir);
        Dataset.Split split = data.data().split(0.8, 0.1, 0.1, seed);
        Standardisation st = Standardisation.fit(split.train());
        Dataset ztrain = st.apply(split.train());
        Dataset zval = st.apply(split.validation());
        double[][] zTest = st.apply(split.test()).inputs();
        double[][] rawTarget = split.test().targets();
        Dataset shuffled = ztrain.split(1, 0, 0, seed).train();
        int n = Math.min(plan.calibration(), shuffled.rows());
        double[][] calibration = new double[n][];
        for (int r = 0; r < n; r++) {
            calibration[r] = shuffled.inputRow(r);
        }

        long t0 = System.nanoTime();
        Mlp net = cachedNetwork(st);
        boolean retrained = net == null;
        TrainingReport report = null;
        if (net == null) {
            phase.accept("training");
            MlpTrainer.Result trained = new MlpTrainer(ztrain, zval, plan.training(architecture, seed),
                    TrainingListener.NONE).train();
            net = trained.network();
            report = trained.report();
            writeNetwork(net, st, split);
            writeTraining(report);
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Scorer score = new Scorer(st, zTest, rawTarget);
        List<ResultRow> rows = new ArrayList<>();
        long full = net.nonZeroCount();
        RegressionMetrics original = score.of(net);
        rows.add(row(ResultRow.Kind.ORIGINAL, 0, "original", "none", Double.NaN, full, full, original,
                trainSeconds));

        phase.accept("encoding");
        LumpingCompressor.Prepared prepared = LumpingCompressor.prepare(net, NetworkEncoder.DEFAULT_BETA, true);
        for (LumpingCompressor.Method m : LumpingCompressor.Method.values()) {
            EpsilonSearch search = new EpsilonSearch(prepared, m, EpsilonMode.REL);
            for (double level : plan.allLevels()) {
                phase.accept(m.name().toLowerCase(java.util.Locale.ROOT) + " at "
                        + Math.round(level * 100) + " % removed");
                long target = (long) Math.floor((1 - level) * full);
                long ts = System.nanoTime();
                EpsilonSearch.Found found;
                try {
                    found = search.atMost(target);
                } catch (SizeTargetUnreachableException unreachable) {
                    continue;
                }
                measure(level, m, found.epsilon(), found.result(), net, calibration, score, full,
                        (System.nanoTime() - ts) / 1e9, rows);
            }
        }
        for (double level : plan.allLevels()) {
            long target = (long) Math.floor((1 - level) * full);
            phase.accept("lsq at " + Math.round(level * 100) + " % removed");
            measureLsq(level, target, net, calibration, score, full, rows);
            phase.accept("dynamics at " + Math.round(level * 100) + " % removed");
            measureDynamics(level, target, net, calibration, score, full, rows);
        }
        writeRun(rows, original, split, calibration.length, report, retrained,
                (System.nanoTime() - t0) / 1e9);
        return new Outcome(rows, false, retrained);
    }

    /** The method's network under every compensation, and for AFDE every baseline at its count. */
    private void measure(double level, LumpingCompressor.Method m, double eps,
                         LumpingCompressor.Result r, Mlp net, double[][] calibration, Scorer score, long full,
                         double searchSeconds, List<ResultRow> rows) {
        String name = m.name().toLowerCase(java.util.Locale.ROOT);
        for (Compensation c : Compensation.values()) {
            long ts = System.nanoTime();
            Mlp out = c.apply(net, r, calibration);
            rows.add(row(ResultRow.Kind.LEVEL, level, name, c, eps, out.nonZeroCount(), full, score.of(out),
                    searchSeconds + (System.nanoTime() - ts) / 1e9));
        }
        if (m != LumpingCompressor.Method.AFDE) {
            return;
        }
        long count = r.network().nonZeroCount();
        long ts = System.nanoTime();
        Map<BaselineMatching.Baseline, PrunedNetwork> pruned = new BaselineMatching(net, calibration, count)
                .compute();
        double each = (System.nanoTime() - ts) / 1e9 / pruned.size();
        for (Map.Entry<BaselineMatching.Baseline, PrunedNetwork> e : pruned.entrySet()) {
            for (Compensation c : Compensation.values()) {
                long t1 = System.nanoTime();
                Mlp out = c.apply(net, e.getValue(), calibration);
                rows.add(row(ResultRow.Kind.LEVEL, level, baselineName(e.getKey()), c, eps, out.nonZeroCount(), full,
                        score.of(out), each + (System.nanoTime() - t1) / 1e9));
            }
        }
    }

    /**
     * The {@code lsq} criterion at the largest size within {@code target} dense parameters (its ridge validated on
     * held-out calibration rows), under every compensation, and global magnitude, structured and Wanda pruning at
     * its parameter count, named {@code <baseline>@lsq}.
     */
    private void measureLsq(double level, long target, Mlp net, double[][] calibration, Scorer score, long full,
                            List<ResultRow> rows) {
        long ts = System.nanoTime();
        LeastSquaresSelection.Result r;
        try {
            r = LeastSquaresSelection.withValidatedRidge(net, calibration,
                    (cal, ridge) -> LeastSquaresSelection.atMost(net, cal, ridge, target));
        } catch (SizeTargetUnreachableException unreachable) {
            return;
        }
        double searchSeconds = (System.nanoTime() - ts) / 1e9;
        addCompensatedRows(level, "lsq", r.network(), r.neuronOrigin(), r.epsilon(), searchSeconds, net, calibration,
                score, full, rows);
        long t2 = System.nanoTime();
        Map<BaselineMatching.Baseline, PrunedNetwork> pruned = new BaselineMatching(net, calibration,
                r.network().nonZeroCount()).compute();
        double each = (System.nanoTime() - t2) / 1e9 / pruned.size();
        for (Map.Entry<BaselineMatching.Baseline, PrunedNetwork> e : pruned.entrySet()) {
            if (e.getKey() == BaselineMatching.Baseline.LAYER_MAGNITUDE) {
                continue;
            }
            for (Compensation c : Compensation.values()) {
                long t1 = System.nanoTime();
                Mlp out = c.apply(net, e.getValue(), calibration);
                rows.add(row(ResultRow.Kind.LEVEL, level, baselineName(e.getKey()) + LSQ_MATCHED, c, r.epsilon(),
                        out.nonZeroCount(), full, score.of(out), each + (System.nanoTime() - t1) / 1e9));
            }
        }
    }

    /**
     * One row per compensation for a network lumped by a criterion (its neurons' origins in {@code neuronOrigin});
     * each row's time is the search plus that compensation.
     */
    private void addCompensatedRows(double level, String method, Mlp lumped, List<int[]> neuronOrigin,
                                    double epsilon, double searchSeconds, Mlp net, double[][] calibration,
                                    Scorer score, long full, List<ResultRow> rows) {
        for (Compensation c : Compensation.values()) {
            long t1 = System.nanoTime();
            Mlp out = c.apply(net, lumped, neuronOrigin, calibration);
            rows.add(row(ResultRow.Kind.LEVEL, level, method, c, epsilon, out.nonZeroCount(), full,
                    score.of(out), searchSeconds + (System.nanoTime() - t1) / 1e9));
        }
    }

    /** The {@code dynamics} criterion at the largest size within {@code target} dense parameters. */
    private void measureDynamics(double level, long target, Mlp net, double[][] calibration, Scorer score,
                                 long full, List<ResultRow> rows) {
        long ts = System.nanoTime();
        DynamicsLumping.Result r;
        try {
            r = DynamicsLumping.atMost(net, calibration, target);
        } catch (SizeTargetUnreachableException unreachable) {
            return;
        }
        double searchSeconds = (System.nanoTime() - ts) / 1e9;
        addCompensatedRows(level, "dynamics", r.network(), r.neuronOrigin(), r.epsilon(), searchSeconds, net,
                calibration, score, full, rows);
    }

    /** Suffix of the method name of a baseline pruned to the {@code lsq} network's count. */
    static final String LSQ_MATCHED = "@lsq";

    /** The method names of the results, as {@code odelump compress --method} spells them. */
    static String baselineName(BaselineMatching.Baseline b) {
        return switch (b) {
            case GLOBAL_MAGNITUDE -> "magnitude";
            case LAYER_MAGNITUDE -> "layer-magnitude";
            case STRUCTURED_MAGNITUDE -> "structured";
            case WANDA -> "wanda";
        };
    }

    private ResultRow row(ResultRow.Kind kind, double level, String method, Compensation c, double eps, long params,
                          long full, RegressionMetrics m, double seconds) {
        return row(kind, level, method, c.key(), eps, params, full, m, seconds);
    }

    private ResultRow row(ResultRow.Kind kind, double level, String method, String comp, double eps, long params,
                          long full, RegressionMetrics m, double seconds) {
        return new ResultRow(data.key(), ExperimentPlan.name(architecture), seed, kind, level, method, comp, eps,
                params, 1 - (double) params / full, m.rmse(), m.mae(), m.r2(), seconds);
    }

    /** Test metrics in the data's units. */
    private static final class Scorer {
        private final Standardisation st;
        private final double[][] inputs;
        private final double[][] targets;

        Scorer(Standardisation st, double[][] inputs, double[][] targets) {
            this.st = st;
            this.inputs = inputs;
            this.targets = targets;
        }

        RegressionMetrics of(Mlp net) {
            double[][] pred = new double[inputs.length][];
            for (int r = 0; r < inputs.length; r++) {
                pred[r] = st.restoreTarget(net.apply(inputs[r]));
            }
            return RegressionMetrics.of(pred, targets);
        }
    }

    private Mlp cachedNetwork(Standardisation st) {
        Path net = dir.resolve("network.json");
        Path training = dir.resolve("training.json");
        if (!Files.isRegularFile(net) || !Files.isRegularFile(training)) {
            return null;
        }
        try {
            if (!trainingFingerprint().equals(JSON.readTree(training.toFile()).path("fingerprint").asText())) {
                return null;
            }
            NetworkFile file = NetworkFiles.read(net, NetworkFormat.JSON);
            if (!st.inputScaling().equals(file.inputStandardisation())
                    || !st.targetScaling().equals(file.targetStandardisation())) {
                return null;
            }
            return file.mlp();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void writeNetwork(Mlp net, Standardisation st, Dataset.Split split) throws IOException {
        NetworkFile file = new NetworkFile(net, data.data().featureNames(), data.data().targetNames(),
                st.inputScaling(), st.targetScaling(), new NetworkProvenance(version,
                Instant.now().toString(), "odelump experiment: " + data.key() + ", hidden " 
                + ExperimentPlan.name(architecture) + " tanh, seed " + seed + ", trained on " + split.train().rows()
                + " rows of " + data.source()));
        NetworkFiles.write(dir.resolve("network.json"), file, NetworkFormat.JSON);
    }

    private void writeTraining(TrainingReport report) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("fingerprint", trainingFingerprint());
        o.put("epochsRun", report.epochsRun());
        o.put("bestEpoch", report.bestEpoch());
        o.put("stoppedEarly", report.stoppedEarly());
        o.put("millis", report.elapsedMillis());
        o.put("bestValidationLoss", report.bestValidationLoss());
        ArrayNode tl = o.putArray("trainLoss");
        report.trainLoss().forEach(tl::add);
        ArrayNode vl = o.putArray("validationLoss");
        report.validationLoss().forEach(vl::add);
        AtomicFiles.writeString(dir.resolve("training.json"), JSON.writeValueAsString(o));
    }

    private void writeRun(List<ResultRow> rows, RegressionMetrics original, Dataset.Split split, int calibration,
                          TrainingReport report, boolean retrained, double seconds) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("fingerprint", runFingerprint());
        o.put("tool", version);
        o.put("created", Instant.now().toString());
        o.put("dataset", data.key());
        o.put("source", data.source());
        o.put("architecture", ExperimentPlan.name(architecture) + " tanh, identity output");
        o.put("seed", seed);
        o.put("split", "80/10/10 by seed " + seed + ": " + split.train().rows() + " train, "
                + split.validation().rows() + " validation, " + split.test().rows() + " test rows");
        o.put("calibrationRows", calibration);
        o.put("network", retrained ? "trained in this run" : "reused from network.json of an earlier run");
        if (report != null) {
            o.put("epochsRun", report.epochsRun());
            o.put("bestEpoch", report.bestEpoch());
        }
        o.put("originalTestRmse", original.rmse());
        o.put("seconds", seconds);
        ArrayNode arr = o.putArray("rows");
        for (ResultRow r : rows) {
            ObjectNode j = arr.addObject();
            j.put("dataset", r.dataset());
            j.put("architecture", r.architecture());
            j.put("seed", r.seed());
            j.put("kind", r.kind().name());
            j.put("level", r.level());
            j.put("method", r.method());
            j.put("compensation", r.compensation());
            j.put("epsilon", r.epsilon());
            j.put("parameters", r.parameters());
            j.put("removed", r.removed());
            j.put("rmse", r.rmse());
            j.put("mae", r.mae());
            j.put("r2", r.r2());
            j.put("seconds", r.seconds());
        }
        AtomicFiles.writeString(dir.resolve("run.json"), JSON.writeValueAsString(o));
    }

    private static double number(JsonNode r, String field) {
        JsonNode v = r.path(field);
        return v.isNumber() ? v.asDouble() : v.isTextual() ? Double.parseDouble(v.asText()) : Double.NaN;
    }
}
