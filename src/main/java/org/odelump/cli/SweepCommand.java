package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.odelump.io.AtomicFiles;
import org.odelump.io.CsvTables;
import org.odelump.io.Plots;
import org.odelump.lumping.Prepartition;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.numeric.EpsilonSweep;
import org.odelump.numeric.Verification;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code odelump sweep FILE --method efe|ebe --epsilon ...}: reduction size and error against ε. */
@CommandLine.Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Reduce at a range of epsilon values: blocks and error against epsilon.",
        description = {
            "Reduces a model by epsilon-FE or epsilon-BE at each given epsilon,",
            "verifies every reduced model against the original by simulation (as",
            "'odelump verify' does) and writes a CSV (epsilon, blocks, errors) and a",
            "PNG of the number of blocks and the maximum relative error against epsilon.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump sweep ode-specs/circuit_hub_tolerances.ode --method ebe -p ic \\",
            "      --epsilon-range 1e-3:1:13 --t-end 20",
            "  odelump sweep model.ode --method efe --epsilon 0,1e-4,1e-3,1e-2 \\",
            "      --csv s.csv --plot s.png",
            "  odelump sweep model.ode --method ebe --epsilon-range 1e-4:1e-1:7 \\",
            "      --nearest-exact --epsilon-mode rel",
            "",
            "Exit codes: 0 ok (whatever the errors), 2 invalid input or options,",
            "4 internal error.",
        })
final class SweepCommand implements Callable<Integer> {

    @Mixin
    ModelOptions input;

    @Option(names = {"-m", "--method"}, required = true, paramLabel = "METHOD",
            description = "efe (epsilon-FE, AFDE) or ebe (epsilon-BE).")
    SweepMethod method;

    @Option(names = "--epsilon", converter = Ranges.NonNegative.class, split = ",", paramLabel = "EPS",
            description = "Comma-separated epsilon values.")
    List<Double> epsilons = new ArrayList<>();

    @Option(names = "--epsilon-range", paramLabel = "FROM:TO:COUNT",
            description = "COUNT logarithmically spaced values from FROM to TO (both > 0).")
    String range;

    @Mixin
    EpsilonOptions epsilonOptions;

    @Option(names = {"-p", "--prepartition"}, split = ",", paramLabel = "KIND",
            description = "Initial partition: none (default), user, ic, combinable with commas.")
    List<ReduceCommand.PrepartitionOption> prepartition = new ArrayList<>();

    @Option(names = "--nearest-exact",
            description = "Verify the exact quotient of the nearest exact model instead of the direct quotient.")
    boolean nearestExact;

    @Mixin
    SimulationOptions simulation;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "Table (default: FILE with extension .sweep.csv).")
    Path csv;

    @Option(names = "--plot", paramLabel = "OUT.png", description = "Plot (default: FILE with extension .sweep.png).")
    Path plot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Methods of a sweep. */
    enum SweepMethod {
        efe(Method.FE), ebe(Method.BE);

        final Method method;

        SweepMethod(Method m) {
            this.method = m;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        double[] eps = epsilonValues();
        Verification.Options opts = simulation.options(0.0);
        OdeSystem m = input.load().system();
        Set<Prepartition> kinds = new LinkedHashSet<>();
        for (ReduceCommand.PrepartitionOption p : prepartition) {
            if (p.kind == Prepartition.OBSERVE) {
                throw new Main.UsageException("sweep does not support --prepartition observe");
            }
            kinds.add(p.kind);
        }
        kinds.remove(Prepartition.NONE);
        Partition initial = Prepartition.combine(m, kinds, List.of());
        String description = kinds.isEmpty() ? "NONE" : String.join("+", kinds.stream().map(Enum::name).toList());

        CliOutput output = CliOutput.of(spec);
        PrintWriter progress = output.progress();
        ProgressBar bar = output.progressBar() ? new ProgressBarBuilder().setTaskName("sweep")
                .setInitialMax(eps.length).setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
        EpsilonSweep.Listener listener = (done, total, row) -> {
            if (bar != null) {
                bar.stepTo(done);
                bar.setExtraMessage(String.format(Locale.ROOT, "eps=%.3g", row.epsilon()));
            } else {
                progress.printf(Locale.ROOT, "sweep %d/%d: epsilon=%s blocks=%d error=%.3e%n", done, total,
                        row.epsilon(), row.blocks(), row.maxRel());
                progress.flush();
            }
        };
        List<EpsilonSweep.Row> rows;
        try {
            rows = new EpsilonSweep(m, eps, e -> reduce(m, initial, description, e), opts, listener)
                    .compute();
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        out.printf(Locale.ROOT, "%s: %s sweep of model '%s' (%d variables), %s mode, %s grouping, %s quotient%n",
                input.file, method, m.name(), m.dimension(), epsilonOptions.mode.name().toLowerCase(Locale.ROOT),
                epsilonOptions.grouping.name().toLowerCase(Locale.ROOT),
                nearestExact ? "nearest-exact" : "direct");
        out.printf(Locale.ROOT, "  %12s %8s %14s %14s %9s%n", "epsilon", "blocks", "max rel err", "max abs err",
                "seconds");
        List<List<?>> table = new ArrayList<>();
        double[] x = new double[rows.size()];
        double[] blocks = new double[rows.size()];
        double[] errors = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            EpsilonSweep.Row r = rows.get(i);
            out.printf(Locale.ROOT, "  %12.4g %8d %14.4e %14.4e %9.3f%s%n", r.epsilon(), r.blocks(), r.maxRel(),
                    r.maxAbs(), r.seconds(), r.failure().isEmpty() ? "" : "  " + r.failure());
            table.add(List.of(r.epsilon(), r.blocks(), r.maxRel(), r.maxAbs(), r.failure(), r.seconds()));
            x[i] = r.epsilon();
            blocks[i] = r.blocks();
            errors[i] = r.maxRel();
        }
        Path csvPath = csv != null ? csv : VerifyCommand.sibling(input.file, ".sweep.csv");
        Path plotPath = plot != null ? plot : VerifyCommand.sibling(input.file, ".sweep.png");
        AtomicFiles.writeString(csvPath, CsvTables.table(List.of("epsilon", "blocks", "max_rel_error",
                "max_abs_error", "failure", "seconds"), table));
        out.println("  csv        " + csvPath);
        String title = String.format(Locale.ROOT, "%s: %s, %d variables, t-end %s", m.name(), method,
                m.dimension(), simulation.tEnd);
        AtomicFiles.writeBytes(plotPath, Plots.sweep(title, "epsilon (" + epsilonOptions.mode.name().toLowerCase(Locale.ROOT) + ")", x, "blocks", blocks,
                "max relative error", errors));
        out.println("  plot       " + plotPath);
        output.result("sweep", CliOutput.fields("model", m.name(), "variables", m.dimension(),
                "method", method.toString(), "rows", rows, "csv", csvPath.toString(), "plot", plotPath.toString()));
        return Main.EXIT_OK;
    }

    private LumpedSystem reduce(OdeSystem m, Partition initial, String description, double e) {
        return ApproximateSupport.reduce(m, method.method, initial, description, epsilonOptions.at(e), nearestExact,
                List.of()).lumped();
    }

    private double[] epsilonValues() {
        List<Double> values = new ArrayList<>(epsilons);
        if (range != null) {
            String[] parts = range.split(":");
            double from;
            double to;
            int count;
            try {
                if (parts.length != 3) {
                    throw new NumberFormatException();
                }
                from = Double.parseDouble(parts[0]);
                to = Double.parseDouble(parts[1]);
                count = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                throw new Main.UsageException("--epsilon-range expects FROM:TO:COUNT, e.g. 1e-4:1:9, got '" + range
                        + "'");
            }
            if (!(from > 0) || !(to > from) || Double.isInfinite(to) || count < 2 || count > 10_000) {
                throw new Main.UsageException("--epsilon-range needs 0 < FROM < TO and 2 <= COUNT <= 10000");
            }
            for (int i = 0; i < count; i++) {
                values.add(from * Math.pow(to / from, (double) i / (count - 1)));
            }
        }
        if (values.isEmpty()) {
            throw new Main.UsageException("give --epsilon values or --epsilon-range");
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            double v = values.get(i);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new Main.UsageException("epsilon must be a finite number >= 0: " + v);
            }
            out[i] = v;
        }
        return out;
    }
}
