package org.odelump.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the results of {@code odelump bench} into JSON and a Markdown report: the machine, one table per group
 * of cases, the exponents fitted to the generated systems' times, and the speed targets of the issues with
 * met / not met.
 */
final class BenchReport {

    /**
     * A speed or memory goal.
     *
     * @param description what is required
     * @param measured    the measured value as text, or "not measured"
     * @param met         null when not measured
     */
    record Target(String description, String measured, Boolean met) {
    }

    /**
     * A fitted growth exponent: time ~ size^exponent.
     *
     * @param series       e.g. "FE on planted BE"
     * @param wallExponent from median wall times
     * @param cpuExponent  from median thread CPU times
     * @param points       sizes used
     */
    record Fit(String series, double wallExponent, double cpuExponent, int points) {
    }

    private static final double GB = 1e9;

    private final Map<String, Object> machine;
    private final List<BenchCases.Result> results;
    private final List<String> notes;
    private final int repeat;

    BenchReport(Map<String, Object> machine, List<BenchCases.Result> results, List<String> notes, int repeat) {
        this.machine = new LinkedHashMap<>(machine);
        this.results = List.copyOf(results);
        this.notes = List.copyOf(notes);
        this.repeat = repeat;
    }

    /** Exponents for every (plant, method) series of the synthetic group with at least two sizes. */
    List<Fit> fits() {
        Map<String, List<double[]>> wall = new LinkedHashMap<>();
        Map<String, List<double[]>> cpu = new LinkedHashMap<>();
        for (BenchCases.Result r : results) {
            if (!r.group().equals("synthetic")) {
                continue;
            }
            String series = r.facts().get("method") + " on planted " + r.facts().get("planted");
            double size = ((Number) r.facts().get("monomials")).doubleValue();
            wall.computeIfAbsent(series, k -> new ArrayList<>()).add(new double[] {size, r.m().medianWall()});
            cpu.computeIfAbsent(series, k -> new ArrayList<>()).add(new double[] {size, r.m().medianCpu()});
        }
        List<Fit> out = new ArrayList<>();
        for (String series : wall.keySet()) {
            if (wall.get(series).size() >= 2) {
                out.add(new Fit(series, BenchRunner.fittedExponent(wall.get(series)),
                        BenchRunner.fittedExponent(cpu.get(series)), wall.get(series).size()));
            }
        }
        return out;
    }

    /** The targets of issues 2, 3, 4, 5, 7 and 14, judged on median wall times and peak heaps. */
    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        BenchCases.Result parse = find("parse", "parse+normalise 1000000 terms");
        if (parse != null && Long.valueOf(100_000).equals(toLong(parse.facts().get("variables")))) {
            double s = parse.m().medianWall();
            out.add(new Target("parse+normalise 1,000,000 terms / 100,000 variables under 10 s", secs(s), s < 10));
            long b = parse.m().peakHeapBytes();
            out.add(new Target("... and under 2 GB peak heap", String.format(Locale.ROOT, "%.2f GB", b / GB),
                    b < 2 * GB));
        } else {
            out.add(new Target("parse+normalise 1,000,000 terms under 10 s and 2 GB", "not measured", null));
        }
        String asym = "fceri_gamma2_asym.net";
        out.add(limit(find("nets", asym + " load"), "loading " + asym + " under 3 s", 3));
        out.add(limit(find("nets", asym + " FE"), "FE on " + asym + " under 2 s after loading", 2));
        out.add(limit(find("nets", asym + " BE"), "BE on " + asym + " under 2 s after loading", 2));
        boolean any = false;
        for (BenchCases.Result r : results) {
            Long target = toLong(r.facts().get("target monomials"));
            if (r.group().equals("synthetic") && Long.valueOf(1_000_000L).equals(target)) {
                any = true;
                out.add(limit(r, r.facts().get("method") + " on the 10^6-monomial model (planted "
                        + r.facts().get("planted") + ") under 10 s", 10));
            }
        }
        if (!any) {
            out.add(new Target("FE and BE on a 10^6-monomial model under 10 s", "not measured", null));
        }
        String fyn = "fceri_fyn.net";
        for (String method : new String[] {"FE", "BE"}) {
            BenchCases.Result slowest = null;
            for (BenchCases.Result r : results) {
                if (r.group().equals("epsilon") && r.name().startsWith(fyn + " eps-" + method + " ")
                        && (slowest == null || r.m().medianWall() > slowest.m().medianWall())) {
                    slowest = r;
                }
            }
            out.add(limit(slowest, "eps-" + method + " on " + fyn + " under 10 s (slowest epsilon)", 10));
        }
        String g2 = "fceri_gamma2.net";
        BenchCases.Result full = find("stiff", g2 + " original RODAS4");
        BenchCases.Result reduced = find("stiff", g2 + " FE-reduced RODAS4");
        out.add(limit(full, "simulating " + g2 + " (t = 0..10, stiff) under 10 s", 10));
        if (full != null && reduced != null) {
            double ratio = full.m().medianWall() / reduced.m().medianWall();
            out.add(new Target("... its FE-reduced model at least 5x faster",
                    String.format(Locale.ROOT, "%.1fx (%s)", ratio, secs(reduced.m().medianWall())), ratio >= 5));
        } else {
            out.add(new Target("... its FE-reduced model at least 5x faster", "not measured", null));
        }
        out.add(limit(find("nn", "encode + AFDE 3x256 tanh"), "encode + one AFDE compression of a 3x256 tanh MLP "
                + "under 3 s (#5)", 3));
        out.add(limit(find("nn", "AFDE sweep + magnitude + Wanda, 20 points"), "20-point AFDE sweep with magnitude "
                + "and Wanda under 60 s (#5)", 60));
        // as the launcher runs it (the configuration CliBench marks as the launcher's)
        BenchCases.Result slowestSmall = null;
        for (BenchCases.Result r : results) {
            Long n = toLong(r.facts().get("variables"));
            if (r.group().equals("cli") && n != null && n < 100 && String.valueOf(r.facts().get("command")).endsWith("-o")
                    && Boolean.TRUE.equals(r.facts().get("launcher"))
                    && (slowestSmall == null || r.m().medianWall() > slowestSmall.m().medianWall())) {
                slowestSmall = r;
            }
        }
        out.add(limit(slowestSmall, "whole process 'reduce MODEL --method fe|be -o OUT' of a model with < 100 "
                + "variables under 0.5 s (#14; slowest such case" + (slowestSmall == null ? ""
                : ": " + slowestSmall.name()) + ")", 0.5));
        return out;
    }

    String json() throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("benchmark", "odelump bench");
        root.put("repeat", repeat);
        root.put("machine", machine);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (BenchCases.Result r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("group", r.group());
            c.put("name", r.name());
            c.put("facts", r.facts());
            c.put("medianWallSeconds", round(r.m().medianWall()));
            c.put("minWallSeconds", round(r.m().minWall()));
            c.put("medianThreadCpuSeconds", round(r.m().medianCpu()));
            c.put("medianGcSeconds", round(r.m().medianGc()));
            c.put("peakHeapMB", Math.round(r.m().peakHeapBytes() / 1e5) / 10.0);
            c.put("wallSeconds", Arrays.stream(r.m().wallSeconds()).map(BenchReport::round).toArray());
            c.put("threadCpuSeconds", Arrays.stream(r.m().cpuSeconds()).map(BenchReport::round).toArray());
            cases.add(c);
        }
        root.put("cases", cases);
        root.put("fits", fits());
        root.put("targets", targets());
        root.put("notes", notes);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("# odelump bench\n\n");
        sb.append("Each case ran ").append(repeat).append(" time(s); times are the median wall time (alongside: the ")
                .append("minimum, the median CPU time of the benchmark thread, and the median time the garbage ")
                .append("collectors reported); peak heap is the largest sum of the ")
                .append("heap pools' peak usage over the runs (reset before each run).\n\n");
        for (Map.Entry<String, Object> e : machine.entrySet()) {
            sb.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        sb.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (Target t : targets()) {
            sb.append("| ").append(t.description()).append(" | ").append(t.measured()).append(" | ")
                    .append(t.met() == null ? "not measured" : t.met() ? "met" : "NOT met").append(" |\n");
        }
        for (String group : List.of("parse", "nets", "synthetic", "epsilon", "stiff", "nn", "cli", "phases")) {
            List<BenchCases.Result> rows = results.stream().filter(r -> r.group().equals(group)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            sb.append("\n## ").append(group).append("\n\n");
            if (group.equals("cli")) {
                processTable(sb, rows);
                continue;
            }
            if (group.equals("phases")) {
                phaseTables(sb, rows);
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            rows.forEach(r -> keys.addAll(r.facts().keySet()));
            keys.remove("file");
            sb.append("| case | ").append(String.join(" | ", keys))
                    .append(" | median s | min s | median CPU s | median GC s | peak heap MB |\n|---|");
            sb.append("---:|".repeat(keys.size() + 5)).append('\n');
            for (BenchCases.Result r : rows) {
                sb.append("| ").append(r.name()).append(" | ");
                for (String k : keys) {
                    Object v = r.facts().get(k);
                    sb.append(v == null ? "" : v).append(" | ");
                }
                sb.append(String.format(Locale.ROOT, "%.3f | %.3f | %.3f | %.3f | %d |%n", r.m().medianWall(),
                        r.m().minWall(), r.m().medianCpu(), r.m().medianGc(), Math.round(r.m().peakHeapBytes() / 1e6)));
            }
            if (group.equals("synthetic")) {
                sb.append("\nFitted exponent b in time ~ monomials^b (least squares on log-log):\n\n")
                        .append("| series | b (median wall) | b (median CPU) | sizes |\n|---|---:|---:|---:|\n");
                for (Fit f : fits()) {
                    sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %d |%n", f.series(),
                            f.wallExponent(), f.cpuExponent(), f.points()));
                }
            }
        }
        if (!notes.isEmpty()) {
            sb.append("\n## Notes\n\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    /** Whole-process cases: no heap or collector figures; CPU is the process's. */
    private static void processTable(StringBuilder sb, List<BenchCases.Result> rows) {
        sb.append("One fresh JVM per run; CPU is the process's user + system time (all threads).\n\n");
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(r.facts().keySet()));
        sb.append("| case | ").append(String.join(" | ", keys)).append(" | median s | min s | median CPU s |\n|---|");
        sb.append("---:|".repeat(keys.size() + 3)).append('\n');
        for (BenchCases.Result r : rows) {
            sb.append("| ").append(r.name()).append(" | ");
            for (String k : keys) {
                Object v = r.facts().get(k);
                sb.append(v == null ? "" : v).append(" | ");
            }
            sb.append(String.format(Locale.ROOT, "%.3f | %.3f | %s |%n", r.m().medianWall(), r.m().minWall(),
                    cpu(r.m().medianCpu())));
        }
    }

    /**
     * The phase table: one row per phase, one column per probe run (median wall / median CPU seconds), and the
     * libraries' first use apart.
     */
    private static void phaseTables(StringBuilder sb, List<BenchCases.Result> rows) {
        sb.append("One fresh JVM per run, phases in the order reduce runs them; each cell is median wall s / median ")
                .append("CPU s, CPU of the probe thread (of all threads for the whole process).\n\n");
        Map<String, Map<String, BenchCases.Result>> byPhase = new LinkedHashMap<>();
        Set<String> runs = new LinkedHashSet<>();
        List<BenchCases.Result> libraries = new ArrayList<>();
        for (BenchCases.Result r : rows) {
            String run = String.valueOf(r.facts().get("run"));
            if (run.startsWith("library ")) {
                libraries.add(r);
                continue;
            }
            runs.add(run);
            byPhase.computeIfAbsent(String.valueOf(r.facts().get("phase")), k -> new LinkedHashMap<>()).put(run, r);
        }
        sb.append("| phase | ").append(String.join(" | ", runs)).append(" |\n|---|")
                .append("---:|".repeat(runs.size())).append('\n');
        for (Map.Entry<String, Map<String, BenchCases.Result>> e : byPhase.entrySet()) {
            sb.append("| ").append(e.getKey()).append(" |");
            for (String run : runs) {
                BenchCases.Result r = e.getValue().get(run);
                sb.append(r == null ? " |" : String.format(Locale.ROOT, " %.3f / %s |", r.m().medianWall(),
                        cpu(r.m().medianCpu())));
            }
            sb.append('\n');
        }
        if (!libraries.isEmpty()) {
            sb.append("\nFirst use of each library in a fresh JVM (median wall s / median CPU s):\n\n")
                    .append("| run | phase | wall s / CPU s |\n|---|---|---:|\n");
            for (BenchCases.Result r : libraries) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f / %s |%n", r.facts().get("run"),
                        r.facts().get("phase"), r.m().medianWall(), cpu(r.m().medianCpu())));
            }
        }
    }

    private static String cpu(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.3f", seconds);
    }

    private BenchCases.Result find(String group, String name) {
        for (BenchCases.Result r : results) {
            if (r.group().equals(group) && r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    private static Target limit(BenchCases.Result r, String description, double seconds) {
        if (r == null) {
            return new Target(description, "not measured", null);
        }
        return new Target(description, secs(r.m().medianWall()), r.m().medianWall() < seconds);
    }

    private static Long toLong(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
