package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.odelump.io.AtomicFiles;
import org.odelump.lumping.EpsilonMode;
import org.odelump.nn.Mlp;
import org.odelump.nn.compress.Compensation;
import org.odelump.nn.compress.CompressionComparison;
import org.odelump.nn.compress.CompressionData;
import org.odelump.nn.compress.CompressionMethod;
import org.odelump.nn.compress.LumpingCompressor;
import org.odelump.nn.compress.SizeRequest;
import org.odelump.nn.compress.SizeTargetUnreachableException;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkProvenance;
import org.odelump.nn.prune.BaselineMatching;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code odelump compress NET}: compresses a trained network by AFDE/ABDE ({@link LumpingCompressor}) or by a
 * pruning baseline, compares every method at the same non-zero parameter count ({@link BaselineMatching}), all with
 * the same {@link Compensation}, and writes the compressed network in its own format plus a JSON and Markdown report.
 * The work is the library's ({@link CompressionData}, {@link CompressionComparison}); this class parses the options
 * and renders the results.
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
    String criterion;

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

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        CompressionMethod method = checkOptions();
        CompressionData d;
        try {
            d = CompressionData.read(new CompressionData.Request(network, data, targets, classification(), test,
                    testFraction, seed, calibration));
        } catch (CompressionData.InvalidInputException e) {
            throw new Main.UsageException(e.getMessage());
        }
        NetworkFile file = d.file();
        Mlp mlp = file.mlp();
        CompressionComparison comparison = d.comparison();
        RegressionMetrics original = d.scoring().score(mlp);
        SizeRequest request = epsilon != null ? SizeRequest.epsilon(epsilon, epsilonMode)
                : params != null ? SizeRequest.params(params, epsilonMode) : SizeRequest.ratio(ratio, epsilonMode);
        CompressionComparison.Compressed compressed;
        try {
            compressed = comparison.compress(method, request);
        } catch (CompressionMethod.InvalidChoiceException e) {
            throw new Main.UsageException(e.getMessage());
        } catch (SizeTargetUnreachableException e) {
            throw new Main.UsageException("--params/--ratio " + e.getMessage());
        }
        CompressReport.SizeTarget size = new CompressReport.SizeTarget(request.kind().key(), request.value(),
                request.targetCount(mlp.nonZeroCount()), compressed.epsilon(), compressed.evaluations());
        List<CompressionComparison.Result> results = comparison.withMatchedBaselines(compressed, compensation);
        Mlp primary = results.get(0).network();

        CompressReport.Classification classes = null;
        if (classification()) {
            classes = CompressReport.Classification.of(d.test().targetNames(), d.scoring(), mlp, results);
            file = file.withClasses(d.test().targetNames());
        }
        Files.createDirectories(output);
        Path netOut = output.resolve("compressed." + d.format().extension());
        String now = Instant.now().toString();
        NetworkFile written = file.withMlp(primary).withProvenance(new NetworkProvenance(
                new Main.Version().getVersion()[0], now, "odelump compress --method " + method.option()
                + (method.criterion() != null ? " --criterion " + method.criterion() : "") + " of "
                + network.getFileName() + " (sha256 " + d.networkSha256() + ")"));
        NetworkFiles.write(netOut, written, d.format());

        CompressReport report = CompressReport.of(this, method, d, original, size, results,
                netOut.getFileName().toString(), now).withClassification(classes);
        if (plot) {
            CompressSweep sweep = new CompressSweep(comparison, compensation);
            sweep.run(output, CliOutput.of(spec));
            report = report.withSweep(sweep.rows());
        }
        report = report.withSeconds((System.nanoTime() - t0) / 1e9);
        String reportJson = report.json();
        AtomicFiles.writeString(output.resolve("report.json"), reportJson);
        CliOutput.of(spec).resultJson("compression", reportJson);
        AtomicFiles.writeString(output.resolve("report.md"), report.markdown());
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.console(output));
        out.flush();
        return Main.EXIT_OK;
    }

    private boolean classification() {
        return task.equals("classification");
    }

    /** Checks the options that depend on each other; the method they name. */
    private CompressionMethod checkOptions() {
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
        if ((epsilon != null ? 1 : 0) + (params != null ? 1 : 0) + (ratio != null ? 1 : 0) != 1) {
            throw new Main.UsageException("give exactly one of --epsilon, --params, --ratio");
        }
        try {
            return CompressionMethod.choose(method, criterion, epsilonMode, calibration);
        } catch (CompressionMethod.InvalidChoiceException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }
}
