package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.odelump.nn.experiment.Experiment;
import org.odelump.nn.experiment.ExperimentDataset;
import org.odelump.nn.experiment.ExperimentPlan;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code odelump experiment}: the evaluation of network compression ({@link Experiment}) on synthetic datasets from
 * dynamical systems and on the UCI regression benchmarks, with a progress bar, resumable, writing tables, plots and
 * the raw results.
 */
@CommandLine.Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {
            "Trains tanh networks on each dataset and seed, compresses them with afde (criteria weights, lsq and",
            "dynamics), abde and the pruning baselines (magnitude, layer-magnitude, structured, wanda) at matched",
            "parameter counts, each with compensation none, refit and refit-all, and reports test RMSE.",
            "Per network: an 80/10/10 split by the seed, inputs and targets standardised on the training split,",
            "  Adam with early stopping on the validation split; epsilon is chosen by parameter count only (the",
            "  smallest relative epsilon reaching each removed-parameter level of the tables and the plots),",
            "  and the baselines are pruned to exactly afde's count; lsq and dynamics take the largest dense size",
            "  within each level, and magnitude, structured and wanda are pruned again to lsq's count",
            "  (magnitude@lsq, ...). Calibration rows (wanda, refit, lsq's ridge) come from",
            "  the training split; the test split is used for scoring only.",
            "Datasets: glycolytic, electrical, polymerisation, rn (simulated from the models in ode-specs/), and",
            "  abalone, protein, metro, hepc read from --data-dir in their UCI layouts. Download them from the",
            "  UCI Machine Learning Repository, https://archive.ics.uci.edu (ids 1, 265, 492 and 235), into",
            "  DIR/<name>/ or DIR/ (abalone.data, CASP.csv, Metro_Interstate_Traffic_Volume.csv,",
            "  household_power_consumption.txt; for hepc an hourly aggregate household_power_consumption_hourly.csv",
            "  is read when the minute file is absent, and the report says so).",
            "Resumable: finished runs are kept in OUT/runs/ and reused when the same command is run again;",
            "  trained networks are reused when only the compression settings change.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump experiment -o results/                       the four synthetic datasets, 5 seeds",
            "  odelump experiment --data-dir ~/uci -o results/       all eight datasets",
            "  odelump experiment --datasets glycolytic,abalone --data-dir ~/uci --seeds 2 -o results/",
            "  odelump experiment --datasets rn --seeds 1 --architectures 16x16 --epochs 30 -o quick/",
            "",
            "Writes OUT/summary.md (tables at each level, win rates), OUT/<dataset>.png (test RMSE against",
            "parameters), OUT/raw.csv (every measured network), OUT/runs/<dataset>/<arch>/seed-<n>/",
            "(network.json, training.json, run.json with provenance and rows).",
            "Exit codes: 0 ok, 2 invalid input or usage (e.g. a missing data file), 4 a run failed.",
        })
final class ExperimentCommand implements Callable<Integer> {

    @Option(names = "--datasets", split = ",", paramLabel = "NAME",
            description = "Datasets to run (default: the synthetic ones, plus the UCI ones when --data-dir is "
                    + "given): glycolytic, electrical, polymerisation, rn, abalone, protein, metro, hepc.")
    List<String> datasets;

    @CommandLine.Mixin
    DatasetOptions data;

    @Option(names = "--seeds", converter = Ranges.PositiveInt.class, paramLabel = "N", defaultValue = "5",
            description = "Seeds 1..N per dataset and architecture (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--architectures", split = ",", paramLabel = "WxW", defaultValue = "64x64,64x64x64",
            description = "Hidden tanh layer widths (default: ${DEFAULT-VALUE}).")
    List<String> architectures;

    @Option(names = "--epochs", converter = Ranges.PositiveInt.class, paramLabel = "N", defaultValue = "150",
            description = "Training epoch limit (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", converter = Ranges.NonNegativeInt.class, paramLabel = "N", defaultValue = "15",
            description = "Early-stopping patience in epochs (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--learning-rate", converter = Ranges.Positive.class, paramLabel = "LR", defaultValue = "1e-3",
            description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--batch", converter = Ranges.PositiveInt.class, paramLabel = "N", defaultValue = "64",
            description = "Mini-batch rows (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--levels", converter = Ranges.OpenFraction.class,
            split = ",", paramLabel = "F", defaultValue = "0.25,0.5,0.75",
            description = "Fractions of parameters removed in the tables (default: ${DEFAULT-VALUE}).")
    List<Double> levels;

    @Option(names = "--curve-levels", converter = Ranges.OpenFraction.class, split = ",", paramLabel = "F",
            defaultValue = "0.1,0.4,0.6,0.9",
            description = "Further fractions of parameters removed, for the plots and win rates "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Double> curveLevels;

    @Option(names = "--calibration", converter = Ranges.AtLeastTwoInt.class, paramLabel = "N", defaultValue = "512",
            description = "Training rows used as calibration inputs (default: ${DEFAULT-VALUE}).")
    int calibration;

    @Option(names = "--threads", converter = Ranges.PositiveInt.class, paramLabel = "N",
            description = "Runs in parallel (default: the number of processors).")
    Integer threads;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT/", description = "Output folder.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> keys = datasets != null ? datasets : defaultDatasets();
        for (String k : keys) {
            data.require(k);
        }
        List<List<Integer>> archs = new ArrayList<>();
        for (String a : architectures) {
            try {
                archs.add(ExperimentPlan.parseArchitecture(a));
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("--architectures: " + e.getMessage());
            }
        }
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ExperimentPlan plan;
        try {
            plan = new ExperimentPlan(keys, seeds, archs, learningRate, batch, epochs, patience, levels,
                    curveLevels, calibration, data.rows, data.dataDir);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        String version = new Main.Version().getVersion()[0];
        if (data.dataDir == null && datasets == null) {
            err.println("note: only the synthetic datasets run; give --data-dir DIR with the UCI files for abalone,"
                    + " protein, metro and hepc (see --help)");
        }
        Progress progress = new Progress(CliOutput.of(spec));
        Experiment.Result result = new Experiment(plan, output, nThreads, progress, version).run(header(plan,
                nThreads, version));
        progress.close();
        out.printf(Locale.ROOT, "%d runs (%d reused, %d networks trained); %d rows%n", result.runs(),
                result.reused(), result.trained(), result.rows().size());
        out.println("wrote " + output.resolve("summary.md") + ", " + output.resolve("raw.csv") + " and one PNG per "
                + "dataset");
        out.flush();
        CliOutput.of(spec).result("experiment", CliOutput.fields("runs", result.runs(), "reused", result.reused(),
                "trained", result.trained(), "rows", result.rows(), "failures", result.failures(),
                "directory", output.toString()));
        if (!result.failures().isEmpty()) {
            err.println(result.failures().size() + " run(s) failed (listed in summary.md):");
            result.failures().forEach((k, v) -> err.println("  " + k + ": " + v));
            err.flush();
            return Main.EXIT_INTERNAL;
        }
        return Main.EXIT_OK;
    }

    private List<String> defaultDatasets() {
        List<String> k = new ArrayList<>();
        for (String key : ExperimentDataset.KEYS) {
            if (data.dataDir != null || !ExperimentDataset.needsDataDir(key)) {
                k.add(key);
            }
        }
        return k;
    }

    private String header(ExperimentPlan plan, int nThreads, String version) {
        StringBuilder archs = new StringBuilder();
        for (List<Integer> a : plan.architectures()) {
            archs.append(archs.length() == 0 ? "" : ", ").append(ExperimentPlan.name(a));
        }
        return String.format(Locale.ROOT, "# Compression experiment%n%n"
                + "Written by %s (`odelump experiment`) on %s.%n%n"
                + "- Datasets: %s; seeds 1..%d; hidden tanh layers %s, identity output.%n"
                + "- Training: 80/10/10 split by the seed, inputs and targets standardised on the training split, "
                + "Adam (learning rate %s, batch %d), at most %d epochs, early stopping after %d epochs without a "
                + "lower validation loss, best validation epoch kept.%n"
                + "- Compression: relative epsilon chosen by parameter count only (smallest epsilon whose network "
                + "has at most (1 - level) of the parameters; levels %s for the tables, %s as well for the plots); "
                + "baselines pruned to exactly AFDE's count; calibration: %d training rows after a seeded shuffle (Wanda's "
                + "norms and the refit; the refit's ridge is chosen on every fifth calibration row). lsq and "
                + "dynamics: the largest dense network within the level's budget (lsq's ridge chosen on every "
                + "fifth calibration row too); magnitude, structured and Wanda pruned again to lsq's count "
                + "(`<baseline>@lsq`).%n"
                + "- Scores: test split only, RMSE in the target's units.%n%n",
                version, Instant.now(), String.join(", ", plan.datasets()), plan.seeds(), archs,
                plan.learningRate(), plan.batchSize(), plan.maxEpochs(), plan.patience(), plan.levels(),
                plan.curveLevels(), plan.calibration());
    }

    /** A progress bar over runs on a terminal, one line per finished run otherwise. */
    private static final class Progress implements Experiment.Listener {
        private final PrintWriter err;
        private final boolean terminal;
        private final Map<String, String> phases = new ConcurrentHashMap<>();
        private ProgressBar bar;

        Progress(CliOutput output) {
            this.err = output.progress();
            this.terminal = output.progressBar();
        }

        @Override
        public synchronized void started(int total) {
            if (terminal) {
                bar = new ProgressBarBuilder().setTaskName("experiment").setInitialMax(total)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            } else {
                err.printf(Locale.ROOT, "experiment: %d runs%n", total);
                err.flush();
            }
        }

        @Override
        public synchronized void phase(String run, String phase) {
            phases.put(run, phase);
            if (bar != null) {
                bar.setExtraMessage(run + ": " + phase);
            }
        }

        @Override
        public synchronized void finished(String run, boolean reused, int done, int total) {
            phases.remove(run);
            if (bar != null) {
                bar.stepTo(done);
            } else {
                err.printf(Locale.ROOT, "[%d/%d] %s %s%n", done, total, run, reused ? "(reused)" : "done");
                err.flush();
            }
        }

        @Override
        public synchronized void failed(String run, Exception error) {
            phases.remove(run);
            if (bar != null) {
                bar.step();
            }
            err.printf(Locale.ROOT, "run %s failed: %s%n", run, error);
            err.flush();
        }

        synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
