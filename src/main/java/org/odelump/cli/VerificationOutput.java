package org.odelump.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.odelump.io.AtomicFiles;
import org.odelump.io.CsvTables;
import org.odelump.io.Plots;
import org.odelump.numeric.Verification;

/** Prints a verification report and writes its CSV and PNG. */
final class VerificationOutput {

    /** Panels drawn at most: the largest blocks first. */
    static final int MAX_PANELS = 12;

    private VerificationOutput() {
    }

    static void print(PrintWriter out, Verification.Report r, int maxRows) {
        if (!r.failure().isEmpty()) {
            out.println("  verify     FAILED: " + r.failure());
            return;
        }
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < r.names().size(); b++) {
            order.add(b);
        }
        order.sort(Comparator.comparingDouble((Integer b) -> -r.errors().get(b).maxRel()).thenComparing(b -> b));
        out.printf(Locale.ROOT, "  verify     %d reduced variables, %d time points to t=%s%n", r.names().size(),
                r.times().length, r.times().length == 0 ? "?" : r.times()[r.times().length - 1]);
        out.println("  integrator original: " + r.originalIntegrator());
        out.println("             reduced:  " + r.reducedIntegrator());
        out.printf(Locale.ROOT, "    %-20s %6s %12s %12s %12s%n", "variable", "block", "max abs err", "max rel err",
                "scale");
        for (int k = 0; k < order.size() && k < maxRows; k++) {
            Verification.VariableError e = r.errors().get(order.get(k));
            out.printf(Locale.ROOT, "    %-20s %6d %12.3e %12.3e %12.3e%n", e.name(), r.blockSizes()[order.get(k)],
                    e.maxAbs(), e.maxRel(), e.scale());
        }
        if (order.size() > maxRows) {
            out.println("    ... " + (order.size() - maxRows) + " more (all are in the CSV)");
        }
        out.println("  result     " + r.summary());
    }

    static String csv(Verification.Report r) {
        List<String> header = new ArrayList<>();
        header.add("t");
        for (String n : r.names()) {
            header.add("original:" + n);
            header.add("reduced:" + n);
        }
        List<List<?>> rows = new ArrayList<>();
        for (int t = 0; t < r.times().length; t++) {
            List<Object> row = new ArrayList<>();
            row.add(r.times()[t]);
            for (int b = 0; b < r.names().size(); b++) {
                row.add(r.mapped()[t][b]);
                row.add(r.reduced()[t][b]);
            }
            rows.add(row);
        }
        return CsvTables.table(header, rows);
    }

    static byte[] png(Verification.Report r, String method) {
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < r.names().size(); b++) {
            order.add(b);
        }
        order.sort(Comparator.comparingInt((Integer b) -> -r.blockSizes()[b])
                .thenComparingDouble(b -> -r.errors().get(b).maxRel()).thenComparing(b -> b));
        List<Plots.Panel> panels = new ArrayList<>();
        for (int k = 0; k < order.size() && k < MAX_PANELS; k++) {
            int b = order.get(k);
            double[] a = new double[r.times().length];
            double[] y = new double[r.times().length];
            for (int t = 0; t < a.length; t++) {
                a[t] = r.mapped()[t][b];
                y[t] = r.reduced()[t][b];
            }
            String title = String.format(Locale.ROOT, "%s (%d var%s, rel err %.2e)", r.names().get(b),
                    r.blockSizes()[b], r.blockSizes()[b] == 1 ? "" : "s", r.errors().get(b).maxRel());
            panels.add(new Plots.Panel(title, a, "FE".equals(method) ? "original (block sum)" : "original (rep.)", y,
                    "lumped"));
        }
        return Plots.panels(r.times(), "t", panels, panels.size() <= 4 ? 2 : 3);
    }

    /** Writes CSV and PNG when their paths are given and there is something to write; prints what was written. */
    static void write(PrintWriter out, Verification.Report r, String method, Path csv, Path png) throws IOException {
        if (r.times().length < 2) {
            return;
        }
        if (csv != null) {
            AtomicFiles.writeString(csv, csv(r));
            out.println("  csv        " + csv);
        }
        if (png != null) {
            AtomicFiles.writeBytes(png, png(r, method));
            out.println("  plot       " + png);
        }
    }
}
