package org.odelump.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.odelump.io.AtomicFiles;
import org.odelump.io.CsvTables;
import org.odelump.io.Plots;
import org.odelump.numeric.Verification;

/** Prints a verification report and writes its CSV and PNG. */
final class VerificationOutput {

    /** Panels drawn at most: the variables with the largest errors (relative to their tolerance) first. */
    static final int MAX_PANELS = 12;

    private VerificationOutput() {
    }

    static void print(PrintWriter out, Verification.Report r, int maxRows) {
        if (!r.failure().isEmpty()) {
            out.println("  verify     FAILED: " + r.failure());
            return;
        }
        List<Integer> order = byError(r);
        out.printf(Locale.ROOT, "  verify     %d reduced variables, %d time points to t=%s%n", r.names().size(),
                r.times().length, r.times().length == 0 ? "?" : r.times()[r.times().length - 1]);
        out.println("  integrator original: " + r.originalIntegrator());
        out.println("             reduced:  " + r.reducedIntegrator());
        out.printf(Locale.ROOT, "    %-20s %6s %12s %12s %12s  %s%n", "variable", "block", "max abs err",
                "max rel err", "scale", "within tolerance");
        for (int k = 0; k < order.size() && k < maxRows; k++) {
            Verification.VariableError e = r.errors().get(order.get(k));
            out.printf(Locale.ROOT, "    %-20s %6d %12.3e %12.3e %12.3e  %s%n", e.name(), r.blockSizes()[order.get(k)],
                    e.maxAbs(), e.maxRel(), e.scale(), e.passed() ? "yes" : "NO");
        }
        if (order.size() > maxRows) {
            out.println("    ... " + (order.size() - maxRows) + " more (all are in the CSV)");
        }
        out.println("  result     " + r.summary());
    }

    /** The report as a map for --json: overall numbers and one entry per reduced variable. */
    static Map<String, Object> map(Verification.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", r.passed());
        m.put("failure", r.failure());
        m.put("maxAbsoluteError", r.maxAbs());
        m.put("maxRelativeError", r.maxRel());
        m.put("relativeTolerance", r.tolerance());
        m.put("absoluteTolerance", r.absTolerance());
        m.put("timePoints", r.times().length);
        m.put("originalIntegrator", r.originalIntegrator());
        m.put("reducedIntegrator", r.reducedIntegrator());
        List<Map<String, Object>> vars = new ArrayList<>();
        for (int b = 0; b < r.names().size(); b++) {
            Verification.VariableError e = r.errors().get(b);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", e.name());
            v.put("block", r.blockSizes()[b]);
            v.put("maxAbsoluteError", e.maxAbs());
            v.put("maxRelativeError", Double.isFinite(e.maxRel()) ? e.maxRel() : null);
            v.put("scale", e.scale());
            v.put("passed", e.passed());
            vars.add(v);
        }
        m.put("variables", vars);
        return m;
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

    /**
     * Reduced variables ordered by their error measured against what the tolerance allows them
     * (maxAbs / (absTolerance + tolerance * scale)), largest first; ties by relative error, then by index.
     */
    static List<Integer> byError(Verification.Report r) {
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < r.names().size(); b++) {
            order.add(b);
        }
        order.sort(Comparator.comparingDouble((Integer b) -> -allowedFraction(r, b))
                .thenComparingDouble(b -> -r.errors().get(b).maxRel()).thenComparing(b -> b));
        return order;
    }

    private static double allowedFraction(Verification.Report r, int b) {
        Verification.VariableError e = r.errors().get(b);
        double allowed = r.absTolerance() + r.tolerance() * e.scale();
        return e.maxAbs() == 0.0 ? 0.0 : allowed == 0.0 ? Double.POSITIVE_INFINITY : e.maxAbs() / allowed;
    }

    static byte[] png(Verification.Report r, String method) {
        List<Integer> order = byError(r);
        List<Plots.Panel> panels = new ArrayList<>();
        for (int k = 0; k < order.size() && k < MAX_PANELS; k++) {
            int b = order.get(k);
            double[] a = new double[r.times().length];
            double[] y = new double[r.times().length];
            for (int t = 0; t < a.length; t++) {
                a[t] = r.mapped()[t][b];
                y[t] = r.reduced()[t][b];
            }
            Verification.VariableError e = r.errors().get(b);
            String title = String.format(Locale.ROOT, "%s (%d var%s) abs %.1e rel %.1e%s", r.names().get(b),
                    r.blockSizes()[b], r.blockSizes()[b] == 1 ? "" : "s", e.maxAbs(), e.maxRel(),
                    e.passed() ? "" : " FAIL");
            panels.add(new Plots.Panel(title, a, "FE".equals(method) ? "original (block sum)" : "original (rep.)", y,
                    "lumped"));
        }
        return Plots.panels(r.times(), "t", "FE".equals(method) ? "block sum" : "block value", panels,
                panels.size() <= 4 ? 2 : 3);
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
