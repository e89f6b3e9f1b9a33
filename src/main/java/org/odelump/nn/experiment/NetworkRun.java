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
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.odelump.io.AtomicFiles;
import org.odelump.lumping.EpsilonMode;
import org.odelump.nn.Mlp;
import org.odelump.nn.compress.Compensation;
import org.odelump.nn.compress.CompressionComparison;
import org.odelump.nn.compress.CompressionMethod;
import org.odelump.nn.compress.SizeTargetUnreachableException;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.data.Standardisation;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;
import org.odelump.nn.io.NetworkProvenance;
import org.odelump.nn.train.MlpTrainer;
import org.odelump.nn.train.TrainingListener;
import org.odelump.nn.train.TrainingReport;

/**
 * One network of an experiment: one dataset, one architecture, one seed. Splits the data 80/10/10 with the seed,
 * standardises inputs and targets on the training split, trains (or reuses the cached network of an earlier run
 * with the same training settings and data), then measures every method at each removed fraction r of the plan (the
 * tables' and the plots'): AFDE and ABDE at the smallest relative ε whose network has at most (1 − r)·P non-zero
 * parameters, and the four pruning baselines at exactly AFDE's count there, each under every
 * {@link Compensation}; lsq and dynamics at the largest dense size within (1 − r)·P, and magnitude, structured and
 * Wanda again at lsq's count. The work is {@link CompressionComparison}'s, the same object {@code odelump compress}
 * uses. ε is fixed by parameter counts only, and the calibration inputs (Wanda's activation norms, the refit) are
 * training rows: the test split enters nothing but the score.
 *
 * <p>Files in the run's directory, each written atomically: {@code network.json} (the trained network with its
 * standardisation, in odelump's network format), {@code training.json} (loss curves and the training
 * fingerprint), {@code run.json} (provenance and every result row; its presence with a matching fingerprint marks
 * the run as done).
 */
final class NetworkRun {

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
        double[][] calibration = CompressionComparison.calibration(ztrain, plan.calibration(), seed, x -> x);

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
        CompressionComparison comparison = new CompressionComparison(net, calibration,
                new CompressionComparison.Scoring(zTest, rawTarget, st::restoreTarget));
        List<ResultRow> rows = new ArrayList<>();
        long full = net.nonZeroCount();
        RegressionMetrics original = comparison.scoring().score(net);
        rows.add(row(ResultRow.Kind.ORIGINAL, 0, "original", "none", Double.NaN, full, full, original,
                trainSeconds));

        phase.accept("encoding");
        comparison.prepareEncoding();
        for (CompressionMethod m : List.of(CompressionMethod.AFDE, CompressionMethod.ABDE)) {
            for (double level : plan.allLevels()) {
                phase.accept(m.key() + " at " + Math.round(level * 100) + " % removed");
                measure(level, m, (long) Math.floor((1 - level) * full), comparison, full, rows,
                        m == CompressionMethod.AFDE ? ALL_BASELINES : Set.of(), "");
            }
        }
        for (double level : plan.allLevels()) {
            long target = (long) Math.floor((1 - level) * full);
            phase.accept("lsq at " + Math.round(level * 100) + " % removed");
            measure(level, CompressionMethod.LSQ, target, comparison, full, rows, LSQ_BASELINES, LSQ_MATCHED);
            phase.accept("dynamics at " + Math.round(level * 100) + " % removed");
            measure(level, CompressionMethod.DYNAMICS, target, comparison, full, rows, Set.of(), "");
        }
        writeRun(rows, original, split, calibration.length, report, retrained,
                (System.nanoTime() - t0) / 1e9);
        return new Outcome(rows, false, retrained);
    }

    /** The baselines matched to afde's count. */
    private static final Set<CompressionMethod> ALL_BASELINES = Set.of(CompressionMethod.MAGNITUDE,
            CompressionMethod.LAYER_MAGNITUDE, CompressionMethod.STRUCTURED, CompressionMethod.WANDA);

    /** The baselines matched to lsq's count. */
    private static final Set<CompressionMethod> LSQ_BASELINES = Set.of(CompressionMethod.MAGNITUDE,
            CompressionMethod.STRUCTURED, CompressionMethod.WANDA);

    /**
     * A method within {@code target} non-zero parameters under every compensation, then the given baselines at its
     * (uncompensated) count under every compensation, named with {@code suffix}; nothing when the method cannot get
     * that small. Baseline rows carry the method's ε.
     */
    private void measure(double level, CompressionMethod m, long target, CompressionComparison comparison, long full,
                         List<ResultRow> rows, Set<CompressionMethod> baselines, String suffix) {
        CompressionComparison.Compressed c;
        try {
            c = comparison.atMost(m, target, EpsilonMode.REL);
        } catch (SizeTargetUnreachableException unreachable) {
            return;
        }
        for (Compensation comp : Compensation.values()) {
            CompressionComparison.Result r = comparison.compensate(c, comp);
            rows.add(row(ResultRow.Kind.LEVEL, level, m.key(), comp, c.epsilon(), r.parameters(), full, r.test(),
                    r.seconds()));
        }
        if (baselines.isEmpty()) {
            return;
        }
        for (CompressionComparison.Result r : comparison.matched(c.network().nonZeroCount(), baselines,
                List.of(Compensation.values()))) {
            rows.add(row(ResultRow.Kind.LEVEL, level, r.method().key() + suffix, r.compensation(), c.epsilon(),
                    r.parameters(), full, r.test(), r.seconds()));
        }
    }

    /** Suffix of the method name of a baseline pruned to the {@code lsq} network's count. */
    static final String LSQ_MATCHED = "@lsq";

    private ResultRow row(ResultRow.Kind kind, double level, String method, Compensation c, double eps, long params,
                          long full, RegressionMetrics m, double seconds) {
        return row(kind, level, method, c.key(), eps, params, full, m, seconds);
    }

    private ResultRow row(ResultRow.Kind kind, double level, String method, String comp, double eps, long params,
                          long full, RegressionMetrics m, double seconds) {
        return new ResultRow(data.key(), ExperimentPlan.name(architecture), seed, kind, level, method, comp, eps,
                params, 1 - (double) params / full, m.rmse(), m.mae(), m.r2(), seconds);
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
