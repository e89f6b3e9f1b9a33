package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.odelump.io.AtomicFiles;
import org.odelump.io.CsvTables;
import org.odelump.io.Plots;
import org.odelump.lumping.EpsilonMode;
import org.odelump.nn.Compensation;
import org.odelump.nn.EpsilonSearch;
import org.odelump.nn.LumpingCompressor;
import org.odelump.nn.Mlp;
import org.odelump.nn.NetworkEncoder;
import org.odelump.nn.io.NetworkFile;

/**
 * The {@code --plot} sweep of {@link CompressCommand}: {@value #POINTS} relative ε values, geometrically spaced
 * between the smallest ε that removes a parameter and the smallest that reaches the fewest parameters AFDE can reach
 * (both found by bisection); at each, AFDE and every baseline at AFDE's count, with the command's compensation; test
 * RMSE against the parameter count to {@code sweep.png}, the values to {@code sweep.csv}. The network is encoded
 * once ({@link LumpingCompressor#prepare}).
 */
final class CompressSweep {

    static final int POINTS = 12;

    private final Mlp mlp;
    private final NetworkFile file;
    private final CompressCommand.Data data;
    private final Compensation comp;
    private final List<CompressReport.SweepRow> rows = new ArrayList<>();

    CompressSweep(Mlp mlp, NetworkFile file, CompressCommand.Data data, Compensation comp) {
        this.mlp = mlp;
        this.file = file;
        this.data = data;
        this.comp = comp;
    }

    List<CompressReport.SweepRow> rows() {
        return List.copyOf(rows);
    }

    void run(Path output, CliOutput out) throws java.io.IOException {
        PrintWriter err = out.progress();
        LumpingCompressor.Prepared p = LumpingCompressor.prepare(mlp, NetworkEncoder.DEFAULT_BETA, true);
        double[] eps = new EpsilonSearch(p, LumpingCompressor.Method.AFDE, EpsilonMode.REL).grid(POINTS);
        ProgressBar bar = out.progressBar() ? new ProgressBarBuilder().setTaskName("sweep").setInitialMax(eps.length)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
        try {
            for (int i = 0; i < eps.length; i++) {
                LumpingCompressor.Result r = CompressCommand.compress(p, LumpingCompressor.Method.AFDE, eps[i],
                        EpsilonMode.REL);
                Mlp net = comp.apply(mlp, r, data.calibration());
                long count = r.network().nonZeroCount();
                rows.add(new CompressReport.SweepRow("afde", eps[i], net.nonZeroCount(),
                        CompressCommand.score(file, net, data).rmse()));
                List<CompressCommand.Scored> base = new ArrayList<>();
                CompressCommand.matchBaselines(mlp, data, file, comp, count, null, base);
                for (CompressCommand.Scored s : base) {
                    rows.add(new CompressReport.SweepRow(s.name(), eps[i], s.network().nonZeroCount(),
                            s.test().rmse()));
                }
                if (bar != null) {
                    bar.stepTo(i + 1);
                    bar.setExtraMessage(String.format(Locale.ROOT, "eps=%.3g", eps[i]));
                } else {
                    err.printf(Locale.ROOT, "sweep %d/%d: epsilon=%.4g parameters=%d%n", i + 1, eps.length, eps[i],
                            count);
                    err.flush();
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        Map<String, List<CompressReport.SweepRow>> by = new LinkedHashMap<>();
        List<List<?>> table = new ArrayList<>();
        for (CompressReport.SweepRow r : rows) {
            by.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
            table.add(List.of(r.method(), r.epsilon(), r.nonZero(), r.rmse()));
        }
        List<Plots.Curve> curves = new ArrayList<>();
        for (Map.Entry<String, List<CompressReport.SweepRow>> e : by.entrySet()) {
            curves.add(new Plots.Curve(e.getKey() + " (" + comp.key() + ")",
                    e.getValue().stream().mapToDouble(CompressReport.SweepRow::nonZero).toArray(),
                    e.getValue().stream().mapToDouble(CompressReport.SweepRow::rmse).toArray()));
        }
        AtomicFiles.writeString(output.resolve("sweep.csv"), CsvTables.table(List.of("method", "epsilon_rel",
                "parameters", "test_rmse"), table));
        AtomicFiles.writeBytes(output.resolve("sweep.png"), Plots.curves("AFDE epsilon sweep of "
                + CompressCommand.widths(mlp) + ", baselines at AFDE's count", "non-zero parameters",
                "test RMSE", curves));
    }

}
