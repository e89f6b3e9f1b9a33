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
import org.odelump.nn.compress.Compensation;
import org.odelump.nn.compress.CompressionComparison;

/**
 * The {@code --plot} sweep of {@link CompressCommand}: {@value #POINTS} relative ε values, geometrically spaced
 * between the smallest ε that removes a parameter and the smallest that reaches the fewest parameters AFDE can reach
 * (both found by bisection); at each, AFDE and every baseline at AFDE's count, with the command's compensation; test
 * RMSE against the parameter count to {@code sweep.png}, the values to {@code sweep.csv}. The points are computed by
 * {@link CompressionComparison#sweep}; this class renders its progress and writes the files.
 */
final class CompressSweep {

    static final int POINTS = 12;

    private final CompressionComparison comparison;
    private final Compensation comp;
    private final List<CompressReport.SweepRow> rows = new ArrayList<>();

    CompressSweep(CompressionComparison comparison, Compensation comp) {
        this.comparison = comparison;
        this.comp = comp;
    }

    List<CompressReport.SweepRow> rows() {
        return List.copyOf(rows);
    }

    void run(Path output, CliOutput out) throws java.io.IOException {
        PrintWriter err = out.progress();
        ProgressBar bar = out.progressBar() ? new ProgressBarBuilder().setTaskName("sweep").setInitialMax(POINTS)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
        List<CompressionComparison.SweepPoint> points;
        try {
            points = comparison.sweep(POINTS, comp, (done, total, eps, count) -> {
                if (bar != null) {
                    bar.stepTo(done);
                    bar.setExtraMessage(String.format(Locale.ROOT, "eps=%.3g", eps));
                } else {
                    err.printf(Locale.ROOT, "sweep %d/%d: epsilon=%.4g parameters=%d%n", done, total, eps, count);
                    err.flush();
                }
            });
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        for (CompressionComparison.SweepPoint p : points) {
            for (CompressionComparison.Result r : p.results()) {
                rows.add(new CompressReport.SweepRow(r.method().option(), p.epsilon(), r.parameters(),
                        r.test().rmse()));
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
                + CompressReport.widths(comparison.original()) + ", baselines at AFDE's count", "non-zero parameters",
                "test RMSE", curves));
    }

}
