package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.odelump.io.AtomicFiles;
import org.odelump.io.TableFormatException;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.Tolerance;
import org.odelump.model.Provenance;
import org.odelump.nn.Activation;
import org.odelump.nn.BaselineMatching;
import org.odelump.nn.BaselineMatching.Baseline;
import org.odelump.nn.Compensation;
import org.odelump.nn.CsvDatasets;
import org.odelump.nn.Dataset;
import org.odelump.nn.DynamicsLumping;
import org.odelump.nn.EpsilonSearch;
import org.odelump.nn.LeastSquaresSelection;
import org.odelump.nn.LumpingCompressor;
import org.odelump.nn.Mlp;
import org.odelump.nn.NetworkEncoder;
import org.odelump.nn.PrunedNetwork;
import org.odelump.nn.RegressionMetrics;
import org.odelump.nn.SizeTargetUnreachableException;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;
import org.odelump.nn.io.NetworkProvenance;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code odelump compress NET}: compresses a trained network by AFDE/ABDE ({@link LumpingCompressor}) or by a
 * pruning baseline, compares every method at the same non-zero parameter count ({@link BaselineMatching}), all with
 * the same {@link Compensation}, and writes the compressed network in its own format plus a JSON and Markdown report.
 */
@CommandLine.Command(name = "compress", mixinStandardHelpOptions = true,
        description = {
            "Compresses a feed-forward network (.json or .onnx) and compares the methods on test data.",
            "afde (default) and abde lump the network's polynomial ODE (layer-wise encoding) by approximate",
            "  forward / backward differential equivalence and merge the neurons of each block;",
            "  magnitude (global), layer-magnitude, wanda and structured are the pruning baselines.",
            "--criterion (afde): lsq (default; least-squares selection: drop the neurons the kept ones",
            "  reproduce best, re-solve the next layer; ridge chosen on held-out calibration rows), weights",
            "  (epsilon-FE on outgoing weights, the criterion before issue 13) or dynamics (trajectories",
            "  along the ray t*x, grouped by epsilon). docs/results.md has the comparison.",
            "Size: --epsilon E directly, or --params N / --ratio R (original/compressed non-zero parameters):",
            "  for afde/abde the relative (or absolute) epsilon is found by bisection; the count reached",
            "  then becomes the target of every baseline, so all methods are compared at the same count.",
            "Compensation (same for every method, default refit): least-squares refit of the weights after",
            "  each changed layer on calibration data: the first N training rows after a seeded shuffle.",
            "Metrics are in the data's units (the network file's standardisation is applied).",
            "--task classification: the network's outputs are logits (softmax gives the probabilities); the",
            "  --target column holds class labels (the network file's classes, or 0..k-1 for a file without",
            "  them); the report gives test accuracy, cross-entropy and agreement with the original's predictions.",
            "  The refit still fits the original network's logits, never the labels.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump compress models/demo_tanh_2x16.json --data models/demo_tanh_2x16.train.csv --target y \\",
            "      --test models/demo_tanh_2x16.test.csv --ratio 2 -o out/",
            "  odelump compress net.onnx --data train.csv --target y --epsilon 0.05 --compensation none -o out/",
            "  odelump compress net.json --data train.csv --target y --criterion lsq --ratio 4 -o out/",
            "  odelump compress net.json --data all.csv --target y --test-fraction 0.2 --seed 7 \\",
            "      --method wanda --params 300 --plot -o out/",
            "  odelump compress glyphs.json --task classification --data glyphs.train.csv --target label \\",
            "      --test glyphs.test.csv --ratio 2 -o out/",
            "",
            "Writes OUT/compressed.<json|onnx>, OUT/report.json, OUT/report.md (and OUT/sweep.png, OUT/sweep.csv",
            "with --plot).",
            "Exit codes: 0 ok, 2 invalid input or usage (e.g. an unreachable size), 4 internal error.",
        })
final class CompressCommand implements Callable<Integer> {

    /** Methods by their CLI spelling. */
    enum MethodChoice {
        AFDE("afde", LumpingCompressor.Method.AFDE, null),
        ABDE("abde", LumpingCompressor.Method.ABDE, null),
        MAGNITUDE("magnitude", null, Baseline.GLOBAL_MAGNITUDE),
        LAYER_MAGNITUDE("layer-magnitude", null, Baseline.LAYER_MAGNITUDE),
        WANDA("wanda", null, Baseline.WANDA),
        STRUCTURED("structured", null, Baseline.STRUCTURED_MAGNITUDE);

        final String spelling;
        final LumpingCompressor.Method lumping;
        final Baseline baseline;

        MethodChoice(String spelling, LumpingCompressor.Method lumping, Baseline baseline) {
            this.spelling = spelling;
            this.lumping = lumping;
            this.baseline = baseline;
        }

        static MethodChoice parse(String s) {
            for (MethodChoice m : values()) {
                if (m.spelling.equals(s)) {
                    return m;
                }
            }
            throw new Main.UsageException("unknown --method '" + s + "'; expected one of afde, abde, magnitude, "
                    + "layer-magnitude, wanda, structured");
        }

        static MethodChoice of(Baseline b) {
            for (MethodChoice m : values()) {
                if (m.baseline == b) {
                    return m;
                }
            }
            throw new IllegalArgumentException(b.name());
        }
    }

    /** How afde chooses the neurons it lumps ({@code --criterion}). */
    enum Criterion {
        /** {@link LumpingCompressor}: ε-FE on the layer-wise encoding, outgoing weight columns close. */
        weights,
        /** {@link LeastSquaresSelection}: least-squares selection with the next layer re-solved. */
        lsq,
        /** {@link DynamicsLumping}: ray trajectories, medoids with least-squares coefficients. */
        dynamics
    }

    /** Reads {@code none}, {@code refit}, {@code refit-all}. */
    static final class CompensationConverter implements CommandLine.ITypeConverter<Compensation> {
        @Override
        public Compensation convert(String value) {
            try {
                return Compensation.byKey(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Parameters(index = "0", paramLabel = "NET", description = "The network: .json (odelump format) or .onnx.")
    Path network;

    @Option(names = "--data", required = true, paramLabel = "TRAIN.csv",
            description = "CSV with a header: the target column(s) and one column per network input, in order.")
    Path data;

    @Option(names = "--target", required = true, split = ",", paramLabel = "COLUMN",
            description = "Target column name(s), one per network output.")
    List<String> targets;

    @Option(names = "--task", paramLabel = "regression|classification", defaultValue = "regression",
            description = "What the network predicts (default: ${DEFAULT-VALUE}); classification reads --target as "
                    + "one column of class labels and scores accuracy.")
    String task;

    @Option(names = "--method", paramLabel = "afde|abde|magnitude|layer-magnitude|wanda|structured",
            defaultValue = "afde", description = "Compression method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--criterion", paramLabel = "lsq|weights|dynamics",
            description = "How afde picks the neurons it lumps (default: lsq): weights = epsilon-FE "
                    + "on outgoing weights; lsq = least-squares selection (a neuron goes when the kept ones "
                    + "reproduce it, epsilon = share of the next layer's variance lost); dynamics = trajectories "
                    + "along the ray t*x (epsilon = relative trajectory distance).")
    Criterion criterion;

    /** The criterion in effect: the one given, else lsq for afde and weights for abde. */
    private Criterion criterion(MethodChoice choice) {
        return criterion != null ? criterion : choice == MethodChoice.AFDE ? Criterion.lsq : Criterion.weights;
    }

    @Option(names = "--epsilon", converter = Ranges.NonNegative.class,
            paramLabel = "E", description = "Tolerance epsilon >= 0 (afde/abde only).")
    Double epsilon;

    @Option(names = "--epsilon-mode", paramLabel = "rel|abs", defaultValue = "rel",
            converter = EpsilonOptions.ModeConverter.class,
            description = "How epsilon is read (default: ${DEFAULT-VALUE}): rel = relative difference of the "
                    + "outgoing columns (afde) or incoming rows (abde).")
    EpsilonMode epsilonMode;

    @Option(names = "--params", converter = Ranges.PositiveLong.class, paramLabel = "N",
            description = "Target number of non-zero parameters (weights + biases).")
    Long params;

    @Option(names = "--ratio", converter = Ranges.AtLeastOne.class, paramLabel = "R",
            description = "Target compression ratio original/compressed non-zero parameters, >= 1.")
    Double ratio;

    @Option(names = "--compensation", paramLabel = "none|refit|refit-all", defaultValue = "refit",
            converter = CompensationConverter.class,
            description = "Applied to every method alike (default: ${DEFAULT-VALUE}); refit-all also re-solves "
                    + "the rows of the changed layers (merged neurons to their block's mean activation).")
    Compensation compensation;

    @Option(names = "--test", paramLabel = "TEST.csv", description = "Test data with the same columns.")
    Path test;

    @Option(names = "--test-fraction", converter = Ranges.OpenFraction.class, paramLabel = "F", defaultValue = "0.2",
            description = "Without --test: hold out this fraction of --data for testing (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--seed", converter = Ranges.Seed.class, paramLabel = "S", defaultValue = "1",
            description = "Seed of the test split and of the calibration shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--calibration", converter = Ranges.PositiveInt.class, paramLabel = "N", defaultValue = "256",
            description = "Calibration rows for wanda and refit (default: ${DEFAULT-VALUE}).")
    int calibration;

    @Option(names = "--plot", description = "Also sweep 12 relative epsilons and plot test RMSE against the "
            + "parameter count for afde and the baselines (OUT/sweep.png, OUT/sweep.csv).")
    boolean plot;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT/", description = "Output folder.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One compressed network, compensated and scored. */
    record Scored(String name, String description, Mlp network, RegressionMetrics test, double seconds) {
    }

    /** How the size was chosen and what was reached. */
    record SizeTarget(String kind, double requested, long targetCount, double epsilon, int evaluations) {
    }

    /** Test and calibration data in the network's terms. */
    record Data(Dataset train, Dataset test, String testSource, double[][] calibration, double[][] testInputs) {
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        MethodChoice choice = MethodChoice.parse(method);
        checkSizeOptions(choice);
        NetworkFormat format = NetworkFiles.formatOf(network);
        byte[] netBytes = Files.readAllBytes(network);
        NetworkFile file = NetworkFiles.read(network, format);
        Mlp mlp = file.mlp();
        Data d = loadData(file);
        Compensation comp = compensation;
        RegressionMetrics original = score(file, mlp, d);
        long before = mlp.nonZeroCount();
        long target = params != null ? params : ratio != null ? (long) Math.floor(before / ratio) : -1;
        if (target >= 0 && (target < 1 || target > before)) {
            throw new Main.UsageException(String.format(Locale.ROOT, "--%s asks for %d non-zero parameters; the "
                    + "network has %d, so the target must lie in 1..%d", params != null ? "params" : "ratio",
                    target, before, before));
        }

        List<Scored> results = new ArrayList<>();
        SizeTarget size;
        Mlp primary;
        long matched;
        if (choice.lumping != null && criterion(choice) != Criterion.weights) {
            long ts = System.nanoTime();
            Lumped r = lumpByCriterion(criterion(choice), mlp, d.calibration(), target);
            size = new SizeTarget(epsilon != null ? "epsilon" : params != null ? "params" : "ratio",
                    epsilon != null ? epsilon : params != null ? params : ratio, target, r.epsilon(), 0);
            primary = comp.apply(mlp, r.network(), r.neuronOrigin(), d.calibration());
            results.add(new Scored(choice.spelling, r.description(), primary, score(file, primary, d),
                    (System.nanoTime() - ts) / 1e9));
            matched = r.network().nonZeroCount();
            matchBaselines(mlp, d, file, comp, matched, null, results);
        } else if (choice.lumping != null) {
            LumpingCompressor.Prepared prepared = LumpingCompressor.prepare(mlp, NetworkEncoder.DEFAULT_BETA, true);
            EpsilonMode mode = epsilonMode;
            long ts = System.nanoTime();
            EpsilonSearch.Found found = epsilon != null
                    ? new EpsilonSearch.Found(epsilon, compress(prepared, choice.lumping, epsilon, mode), 1)
                    : search(prepared, choice.lumping, mode, target);
            size = new SizeTarget(epsilon != null ? "epsilon" : params != null ? "params" : "ratio",
                    epsilon != null ? epsilon : params != null ? params : ratio, target, found.epsilon(),
                    found.evaluations());
            LumpingCompressor.Result r = found.result();
            primary = comp.apply(mlp, r, d.calibration());
            double secs = (System.nanoTime() - ts) / 1e9;
            results.add(new Scored(choice.spelling, String.format(Locale.ROOT, "%s, epsilon %s (%s); exact "
                            + "reductions %s; %s", choice.lumping, fmt(found.epsilon()), mode, r.exact(),
                    r.provenance()), primary, score(file, primary, d), secs));
            matched = r.network().nonZeroCount();
            matchBaselines(mlp, d, file, comp, matched, null, results);
        } else {
            size = new SizeTarget(params != null ? "params" : "ratio", params != null ? params : ratio, target,
                    Double.NaN, 0);
            long ts = System.nanoTime();
            PrunedNetwork p = new BaselineMatching(mlp, d.calibration(), target).compute().get(choice.baseline);
            primary = comp.apply(mlp, p, d.calibration());
            results.add(new Scored(choice.spelling, p.method(), primary, score(file, primary, d),
                    (System.nanoTime() - ts) / 1e9));
            matched = p.achievedNonZero();
            matchBaselines(mlp, d, file, comp, matched, choice.baseline, results);
        }

        CompressReport.Classification classes = null;
        if (classification()) {
            classes = CompressReport.Classification.of(d.test().targetNames(), file, mlp, d.testInputs(),
                    d.test().targets(), results);
            file = file.withClasses(d.test().targetNames());
        }
        Files.createDirectories(output);
        Path netOut = output.resolve("compressed." + format.extension());
        String now = Instant.now().toString();
        NetworkFile written = file.withMlp(primary).withProvenance(new NetworkProvenance(
                new Main.Version().getVersion()[0], now, "odelump compress --method " + choice.spelling
                + (choice.lumping != null ? " --criterion " + criterion(choice) : "") + " of "
                + network.getFileName() + " (sha256 " + Provenance.sha256(netBytes) + ")"));
        NetworkFiles.write(netOut, written, format);

        Map<String, Object> options = new LinkedHashMap<>();
        options.put("task", task);
        options.put("method", choice.spelling);
        options.put("criterion", choice.lumping != null ? criterion(choice).name() : null);
        options.put("epsilon", epsilon);
        options.put("epsilonMode", epsilonMode.name().toLowerCase(Locale.ROOT));
        options.put("params", params);
        options.put("ratio", ratio);
        options.put("compensation", compensation.key());
        options.put("test", test == null ? null : test.toString());
        options.put("testFraction", test == null ? testFraction : null);
        options.put("seed", seed);
        options.put("calibration", calibration);
        options.put("plot", plot);
        CompressReport report = new CompressReport(network.toString(), Provenance.sha256(netBytes), format,
                data.toString(), Provenance.sha256(Files.readAllBytes(data)), d.testSource(), d.test().rows(),
                d.calibration().length, new Main.Version().getVersion()[0], now, seed, options, mlp, original,
                comp, size, results, netOut.getFileName().toString()).withClassification(classes);
        if (plot) {
            CompressSweep sweep = new CompressSweep(mlp, file, d, comp);
            sweep.run(output, CliOutput.of(spec));
            report = report.withSweep(sweep.rows());
        }
        report = report.withSeconds((System.nanoTime() - t0) / 1e9);
        String reportJson = report.json();
        AtomicFiles.writeString(output.resolve("report.json"), reportJson);
        CliOutput.of(spec).resultJson("compression", reportJson);
        AtomicFiles.writeString(output.resolve("report.md"), report.markdown());
        out.print(report.console(output));
        out.flush();
        return Main.EXIT_OK;
    }

    /** A network lumped by {@code --criterion lsq} or {@code dynamics}. */
    record Lumped(Mlp network, List<int[]> neuronOrigin, double epsilon, String description) {
    }

    /** afde by the lsq or dynamics criterion, at --epsilon or within the --params/--ratio target. */
    private Lumped lumpByCriterion(Criterion c, Mlp mlp, double[][] cal, long target) {
        try {
            if (c == Criterion.lsq) {
                LeastSquaresSelection.Result r = LeastSquaresSelection.withValidatedRidge(mlp, cal,
                        (rows, ridge) -> epsilon != null
                                ? new LeastSquaresSelection(mlp, rows, ridge, epsilon).compute()
                                : LeastSquaresSelection.atMost(mlp, rows, ridge, target));
                return new Lumped(r.network(), r.neuronOrigin(), r.epsilon(), r.describe());
            }
            DynamicsLumping.Result r = epsilon != null ? new DynamicsLumping(mlp, cal, epsilon).compute()
                    : DynamicsLumping.atMost(mlp, cal, target);
            return new Lumped(r.network(), r.neuronOrigin(), r.epsilon(), r.describe());
        } catch (SizeTargetUnreachableException e) {
            throw new Main.UsageException("--params/--ratio " + e.getMessage());
        }
    }

    private boolean classification() {
        return task.equals("classification");
    }

    private void checkSizeOptions(MethodChoice choice) {
        if (!task.equals("regression") && !classification()) {
            throw new Main.UsageException("unknown --task '" + task + "'; expected regression or classification");
        }
        if (classification() && targets.size() != 1) {
            throw new Main.UsageException("--task classification takes one --target column holding the class "
                    + "labels, got " + targets.size());
        }
        if (classification() && plot) {
            throw new Main.UsageException("--plot sweeps test RMSE and applies to --task regression only");
        }
        int given = (epsilon != null ? 1 : 0) + (params != null ? 1 : 0) + (ratio != null ? 1 : 0);
        if (given != 1) {
            throw new Main.UsageException("give exactly one of --epsilon, --params, --ratio");
        }
        if (epsilon != null && choice.lumping == null) {
            throw new Main.UsageException("--epsilon applies to afde and abde; --method " + choice.spelling
                    + " needs --params or --ratio");
        }
        if (epsilon != null && !(epsilon >= 0 && Double.isFinite(epsilon))) {
            throw new Main.UsageException("--epsilon must be a finite number >= 0");
        }
        Criterion c = criterion(choice);
        if (c != Criterion.weights && choice != MethodChoice.AFDE) {
            throw new Main.UsageException("--criterion " + c + " applies to --method afde only");
        }
        if (c != Criterion.weights && epsilonMode != EpsilonMode.REL) {
            throw new Main.UsageException("--criterion " + c + " reads epsilon as relative only; use "
                    + "--criterion weights for --epsilon-mode abs");
        }
        if (c == Criterion.lsq && calibration < 2) {
            throw new Main.UsageException("--criterion lsq needs --calibration of at least 2 rows");
        }
        if (ratio != null && !(ratio >= 1 && Double.isFinite(ratio))) {
            throw new Main.UsageException("--ratio must be a finite number >= 1");
        }
        if (calibration < 1) {
            throw new Main.UsageException("--calibration must be at least 1");
        }
        if (test == null && !(testFraction > 0 && testFraction < 1)) {
            throw new Main.UsageException("--test-fraction must lie strictly between 0 and 1");
        }
    }

    private Data loadData(NetworkFile file) throws java.io.IOException {
        Mlp mlp = file.mlp();
        if (file.isClassifier() && !classification()) {
            throw new Main.UsageException(network + " is a classifier (classes " + String.join(", ", file.classes())
                    + "); compress it with --task classification");
        }
        if (classification() && (file.targetStandardisation() != null || mlp.outputs() < 2
                || mlp.layer(mlp.layers().size() - 1).activation() != Activation.IDENTITY)) {
            throw new Main.UsageException(network + " is no classifier: --task classification needs logits "
                    + "outputs (at least two, identity last layer, no target standardisation)");
        }
        Dataset all = readCsv(data, file);
        if (all.features() != mlp.inputs() || all.outputs() != mlp.outputs()) {
            throw new Main.UsageException(data + ": " + all.features() + " feature and " + all.outputs()
                    + " target columns, the network has " + mlp.inputs() + " inputs and " + mlp.outputs()
                    + " outputs");
        }
        if (!file.inputNames().isEmpty() && !file.inputNames().equals(all.featureNames())) {
            throw new Main.UsageException(data + ": feature columns " + all.featureNames()
                    + " differ from the network's inputs " + file.inputNames());
        }
        Dataset train;
        Dataset testSet;
        String source;
        if (test != null) {
            train = all;
            testSet = readCsv(test, file);
            if (!testSet.featureNames().equals(all.featureNames())) {
                throw new Main.UsageException(test + ": columns " + testSet.featureNames() + " differ from "
                        + all.featureNames());
            }
            source = test.toString();
        } else {
            Dataset.Split s = all.split(1 - testFraction, 0, testFraction, seed);
            train = s.train();
            testSet = s.test();
            source = String.format(Locale.ROOT, "%s of %s held out (seed %d)", fmt(testFraction), data, seed);
        }
        if (testSet.rows() == 0 || train.rows() == 0) {
            throw new Main.UsageException("the training and test data need at least one row each");
        }
        Dataset shuffled = train.split(1, 0, 0, seed).train();
        int n = Math.min(calibration, shuffled.rows());
        double[][] cal = new double[n][];
        for (int r = 0; r < n; r++) {
            cal[r] = networkInput(file, shuffled.inputRow(r));
        }
        double[][] testIn = new double[testSet.rows()][];
        for (int r = 0; r < testIn.length; r++) {
            testIn[r] = testSet.inputRow(r);
        }
        return new Data(train, testSet, source, cal, testIn);
    }

    private Dataset readCsv(Path p, NetworkFile file) throws java.io.IOException {
        try {
            if (classification()) {
                List<String> classes = file.isClassifier() ? file.classes()
                        : java.util.stream.IntStream.range(0, file.mlp().outputs()).mapToObj(Integer::toString)
                                .toList();
                return CsvDatasets.readLabelled(p, targets.get(0), classes);
            }
            return CsvDatasets.read(p, targets);
        } catch (TableFormatException | IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
    }

    private static double[] networkInput(NetworkFile file, double[] raw) {
        return file.inputStandardisationIfAny().map(s -> s.standardise(raw)).orElse(raw);
    }

    /** Test metrics in the data's units (the file's standardisation around the network). */
    static RegressionMetrics score(NetworkFile file, Mlp net, Data d) {
        NetworkFile f = file.withMlp(net);
        double[][] pred = new double[d.testInputs().length][];
        for (int r = 0; r < pred.length; r++) {
            pred[r] = f.predict(d.testInputs()[r]);
        }
        return RegressionMetrics.of(pred, d.test().targets());
    }

    /** Every baseline (except {@code skip}) at {@code count} non-zero parameters, compensated and scored. */
    static void matchBaselines(Mlp mlp, Data d, NetworkFile file, Compensation comp, long count, Baseline skip,
                               List<Scored> results) {
        long ts = System.nanoTime();
        Map<Baseline, PrunedNetwork> pruned = new BaselineMatching(mlp, d.calibration(), count).compute();
        double each = (System.nanoTime() - ts) / 1e9 / pruned.size();
        for (Map.Entry<Baseline, PrunedNetwork> e : pruned.entrySet()) {
            if (e.getKey() == skip) {
                continue;
            }
            long t1 = System.nanoTime();
            Mlp net = comp.apply(mlp, e.getValue(), d.calibration());
            results.add(new Scored(MethodChoice.of(e.getKey()).spelling, e.getValue().method(), net,
                    score(file, net, d), each + (System.nanoTime() - t1) / 1e9));
        }
    }

    static LumpingCompressor.Result compress(LumpingCompressor.Prepared p, LumpingCompressor.Method m, double eps,
                                             EpsilonMode mode) {
        return new LumpingCompressor(p, m, eps, mode, Grouping.COMPONENTS, Tolerance.DEFAULT).compute();
    }

    /** The smallest ε whose compressed network has at most {@code target} non-zero parameters. */
    static EpsilonSearch.Found search(LumpingCompressor.Prepared p, LumpingCompressor.Method m, EpsilonMode mode,
                                      long target) {
        try {
            return new EpsilonSearch(p, m, mode).atMost(target);
        } catch (SizeTargetUnreachableException e) {
            throw new Main.UsageException("--params/--ratio " + e.getMessage());
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    static String widths(Mlp m) {
        return Arrays.toString(m.widths());
    }
}
