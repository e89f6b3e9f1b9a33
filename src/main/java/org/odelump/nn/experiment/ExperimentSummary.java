package org.odelump.nn.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.odelump.io.Plots;

/**
 * Turns the rows of an experiment into {@code summary.md}: per dataset and architecture a table of test RMSE
 * (mean ± sample standard deviation over seeds) for every method and compensation at each removed-parameter level,
 * the win rate of AFDE against each baseline, the verdict table of the lumping variants (afde, lsq, dynamics)
 * against magnitude, Wanda and structured pruning, and one PNG per dataset of test RMSE against parameter count.
 *
 * <p>Win rate: over the (seed, level, compensation) cells where AFDE and the baseline were measured at the same
 * parameter count, the fraction in which AFDE's test RMSE is strictly lower, once over the tables' levels and once
 * over every measured level. The baselines are pruned to AFDE's count, so these are like-for-like.
 */
public final class ExperimentSummary {

    /** Methods drawn in the plots, in order. */
    static final List<String> PLOTTED = List.of("afde", "abde", "magnitude", "layer-magnitude", "structured",
            "wanda", "lsq", "dynamics");

    /** Methods in table order: the plotted ones, then the baselines pruned to lsq's count. */
    static final List<String> METHODS = List.of("afde", "abde", "magnitude", "layer-magnitude", "structured",
            "wanda", "lsq", "dynamics", "magnitude@lsq", "structured@lsq", "wanda@lsq");

    /** The baselines of the verdict table. */
    static final List<String> VERDICT_BASELINES = List.of("magnitude", "wanda", "structured");

    /** Compensations of the verdict table: every method gets the same least-squares refit. */
    static final List<String> VERDICT_COMPENSATIONS = List.of("refit", "refit-all");

    /** Lumping variants of the verdict table, each with the baseline rows it is compared with (same order). */
    static final Map<String, List<String>> VARIANTS = variants();

    private static Map<String, List<String>> variants() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("afde", VERDICT_BASELINES);
        m.put("lsq", VERDICT_BASELINES.stream().map(b -> b + NetworkRun.LSQ_MATCHED).toList());
        m.put("dynamics", VERDICT_BASELINES.stream().map(b -> b + NetworkRun.LSQ_MATCHED).toList());
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Baselines AFDE is compared with. */
    static final List<String> BASELINES = List.of("magnitude", "layer-magnitude", "structured", "wanda");

    static final List<String> COMPENSATIONS = java.util.Arrays.stream(org.odelump.nn.compress.Compensation.values())
            .map(org.odelump.nn.compress.Compensation::key).toList();

    private final ExperimentPlan plan;
    private final List<ResultRow> rows;
    private final Map<String, String> sources;

    /**
     * @param plan    the plan that produced the rows
     * @param rows    every row
     * @param sources per dataset key, its provenance line
     */
    public ExperimentSummary(ExperimentPlan plan, List<ResultRow> rows, Map<String, String> sources) {
        this.plan = plan;
        this.rows = List.copyOf(rows);
        this.sources = Map.copyOf(sources);
    }

    /** Mean and sample standard deviation (0 for one value) and the count. */
    record Stat(double mean, double std, int n) {
        static Stat of(List<Double> v) {
            double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            return new Stat(m, v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0, v.size());
        }
    }

    /** A win count: AFDE strictly better in {@code wins} of {@code cells}. */
    record Wins(int wins, int cells) {
        String text() {
            return cells == 0 ? "—" : String.format(Locale.ROOT, "%d %% (%d/%d)", Math.round(100.0 * wins / cells),
                    wins, cells);
        }
    }

    /** The datasets present in the rows, in plan order. */
    List<String> datasets() {
        Set<String> present = rows.stream().map(ResultRow::dataset).collect(Collectors.toSet());
        return plan.datasets().stream().filter(present::contains).toList();
    }

    List<String> architectures(String dataset) {
        Set<String> out = new LinkedHashSet<>();
        for (List<Integer> a : plan.architectures()) {
            String name = ExperimentPlan.name(a);
            if (rows.stream().anyMatch(r -> r.dataset().equals(dataset) && r.architecture().equals(name))) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    private List<ResultRow> select(String dataset, String arch, ResultRow.Kind kind) {
        return rows.stream().filter(r -> r.dataset().equals(dataset) && r.architecture().equals(arch)
                && r.kind() == kind).toList();
    }

    /** RMSE statistics of one method/compensation at one level. */
    Stat levelRmse(String dataset, String arch, double level, String method, String comp) {
        return Stat.of(select(dataset, arch, ResultRow.Kind.LEVEL).stream().filter(r -> r.level() == level
                && r.method().equals(method) && r.compensation().equals(comp)).map(ResultRow::rmse).toList());
    }

    private Stat levelRemoved(String dataset, String arch, double level, String method, String comp) {
        return Stat.of(select(dataset, arch, ResultRow.Kind.LEVEL).stream().filter(r -> r.level() == level
                && r.method().equals(method) && r.compensation().equals(comp)).map(ResultRow::removed).toList());
    }

    /** AFDE against one baseline at the given levels (null: every level) of one dataset and architecture. */
    Wins wins(String dataset, String arch, List<Double> levels, String baseline) {
        Map<String, ResultRow> afde = new LinkedHashMap<>();
        List<ResultRow> cells = select(dataset, arch, ResultRow.Kind.LEVEL).stream()
                .filter(r -> levels == null || levels.contains(r.level())).toList();
        for (ResultRow r : cells) {
            if (r.method().equals("afde")) {
                afde.put(cell(r), r);
            }
        }
        int wins = 0;
        int n = 0;
        for (ResultRow r : cells) {
            ResultRow a = r.method().equals(baseline) ? afde.get(cell(r)) : null;
            if (a == null) {
                continue;
            }
            n++;
            if (a.rmse() < r.rmse()) {
                wins++;
            }
        }
        return new Wins(wins, n);
    }

    /**
     * {@code variant} against {@code baseline} on one dataset at one level, over every architecture, seed and
     * compensation of {@link #VERDICT_COMPENSATIONS}: strict wins of the variant.
     */
    Wins versus(String dataset, double level, String variant, String baseline) {
        Map<String, ResultRow> mine = new LinkedHashMap<>();
        List<ResultRow> cells = rows.stream().filter(r -> r.dataset().equals(dataset) && r.kind()
                == ResultRow.Kind.LEVEL && r.level() == level && VERDICT_COMPENSATIONS.contains(r.compensation()))
                .toList();
        for (ResultRow r : cells) {
            if (r.method().equals(variant)) {
                mine.put(r.architecture() + "/" + cell(r), r);
            }
        }
        int wins = 0;
        int n = 0;
        for (ResultRow r : cells) {
            ResultRow v = r.method().equals(baseline) ? mine.get(r.architecture() + "/" + cell(r)) : null;
            if (v != null) {
                n++;
                if (v.rmse() < r.rmse()) {
                    wins++;
                }
            }
        }
        return new Wins(wins, n);
    }

    /** True when the variant wins more than half of its cells against each verdict baseline. */
    boolean beatsAll(String dataset, double level, String variant) {
        for (String b : VARIANTS.get(variant)) {
            Wins w = versus(dataset, level, variant, b);
            if (w.cells() == 0 || 2 * w.wins() <= w.cells()) {
                return false;
            }
        }
        return true;
    }

    private void verdict(StringBuilder sb) {
        sb.append("\n## Lumping against magnitude, Wanda and structured pruning\n\n");
        sb.append("Strict wins of each lumping variant in the cells (architecture × seed × compensation refit and "
                + "refit-all: every method gets the same least-squares refit) at each table level. afde is compared "
                + "with the baselines pruned to afde's non-zero count; lsq with those pruned to lsq's count "
                + "(`<baseline>@lsq`; lsq's network is dense, so its dense and non-zero counts are equal and "
                + "structured pruning matches its dense count); dynamics, whose own count lies within the same "
                + "budget, with the same `@lsq` rows. *beats all*: more than half of the cells won against each "
                + "of the three.\n\n");
        sb.append("| dataset | variant |");
        for (double l : plan.levels()) {
            int pct = (int) Math.round(l * 100);
            for (String b : VERDICT_BASELINES) {
                sb.append(' ').append(pct).append(" %: vs ").append(b).append(" |");
            }
            sb.append(' ').append(pct).append(" %: beats all |");
        }
        sb.append("\n|---|---|").append("---|".repeat(plan.levels().size() * (VERDICT_BASELINES.size() + 1)))
                .append('\n');
        Map<String, int[]> datasetsWon = new LinkedHashMap<>();
        for (String d : datasets()) {
            for (Map.Entry<String, List<String>> v : VARIANTS.entrySet()) {
                sb.append("| ").append(d).append(" | ").append(v.getKey()).append(" |");
                int[] won = datasetsWon.computeIfAbsent(v.getKey(), k -> new int[plan.levels().size()]);
                for (int li = 0; li < plan.levels().size(); li++) {
                    double l = plan.levels().get(li);
                    for (String b : v.getValue()) {
                        Wins w = versus(d, l, v.getKey(), b);
                        sb.append(' ').append(w.cells() == 0 ? "—" : w.wins() + "/" + w.cells()).append(" |");
                    }
                    boolean all = beatsAll(d, l, v.getKey());
                    won[li] += all ? 1 : 0;
                    sb.append(all ? " yes |" : " no |");
                }
                sb.append('\n');
            }
        }
        sb.append('\n');
        for (Map.Entry<String, int[]> e : datasetsWon.entrySet()) {
            sb.append("- ").append(e.getKey()).append(" beats all three on");
            for (int li = 0; li < plan.levels().size(); li++) {
                sb.append(li == 0 ? " " : ", ").append(e.getValue()[li]).append(" of ").append(datasets().size())
                        .append(" datasets at ").append(Math.round(plan.levels().get(li) * 100)).append(" %");
            }
            sb.append(".\n");
        }
    }

    private static String cell(ResultRow r) {
        return r.seed() + "/" + r.level() + "/" + r.compensation();
    }

    /** The Markdown text; {@code plotNames} maps dataset keys to the PNG file names written next to it. */
    public String markdown(String header, Map<String, String> plotNames) {
        StringBuilder sb = new StringBuilder();
        sb.append(header);
        sb.append("\n## Win rates of AFDE against each baseline at the same parameter count\n\n");
        sb.append("Share of cells where AFDE's test RMSE is strictly lower. *tables*: the removed-parameter levels "
                + "of the tables (seeds × levels × every compensation); *all*: every measured level, also those "
                + "of the plots.\n\n");
        sb.append("| dataset | architecture |");
        for (String b : BASELINES) {
            sb.append(" vs ").append(b).append(" (tables) | vs ").append(b).append(" (all) |");
        }
        sb.append("\n|---|---|").append("---|---|".repeat(BASELINES.size())).append('\n');
        for (String d : datasets()) {
            for (String a : architectures(d)) {
                sb.append("| ").append(d).append(" | ").append(a).append(" |");
                for (String b : BASELINES) {
                    sb.append(' ').append(wins(d, a, plan.levels(), b).text()).append(" | ")
                            .append(wins(d, a, null, b).text()).append(" |");
                }
                sb.append('\n');
            }
        }
        verdict(sb);
        for (String d : datasets()) {
            sb.append("\n## ").append(d).append("\n\n");
            sb.append("Data: ").append(sources.getOrDefault(d, "?")).append("\n\n");
            if (plotNames.containsKey(d)) {
                sb.append("![test RMSE against parameters for ").append(d).append("](").append(plotNames.get(d))
                        .append(")\n\n");
            }
            for (String a : architectures(d)) {
                List<ResultRow> orig = select(d, a, ResultRow.Kind.ORIGINAL);
                Stat o = Stat.of(orig.stream().map(ResultRow::rmse).toList());
                long params = orig.isEmpty() ? 0 : orig.get(0).parameters();
                sb.append(String.format(Locale.ROOT, "### %s, hidden %s tanh (%d parameters, %d seeds)%n%n", d, a,
                        params, o.n()));
                sb.append(String.format(Locale.ROOT, "Uncompressed test RMSE %s. Cells: test RMSE mean ± std over "
                        + "seeds, and in brackets the mean share of parameters actually removed (AFDE and ABDE "
                        + "reach the largest size not above the level's budget; the baselines are pruned to "
                        + "AFDE's size; lsq and dynamics reach the largest dense size not above the budget, and "
                        + "`<baseline>@lsq` is pruned to lsq's size).%n%n", fmt(o)));
                sb.append("| method | compensation |");
                for (double l : plan.levels()) {
                    sb.append(String.format(Locale.ROOT, " %d %% removed |", Math.round(l * 100)));
                }
                sb.append("\n|---|---|").append("---|".repeat(plan.levels().size())).append('\n');
                for (String m : METHODS) {
                    for (String c : COMPENSATIONS) {
                        sb.append("| ").append(m).append(" | ").append(c).append(" |");
                        for (double l : plan.levels()) {
                            Stat s = levelRmse(d, a, l, m, c);
                            Stat rem = levelRemoved(d, a, l, m, c);
                            sb.append(' ').append(s.n() == 0 ? "unreachable" : fmt(s) + String.format(Locale.ROOT,
                                    " (%.0f %%)%s", 100 * rem.mean(), s.n() < o.n() ? " n=" + s.n() : ""))
                                    .append(" |");
                        }
                        sb.append('\n');
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String fmt(Stat s) {
        if (s.n() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%s ± %s", sig(s.mean()), sig(s.std()));
    }

    /** Three significant digits. */
    static String sig(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * The PNG of one dataset: one panel per architecture and compensation, test RMSE against non-zero parameters,
     * each point the mean over seeds at one removed-parameter level (AFDE and the baselines share AFDE's counts; ABDE
     * has its own); the uncompressed network as a single point.
     */
    public byte[] plot(String dataset) {
        List<Plots.CurveChart> charts = new ArrayList<>();
        for (String a : architectures(dataset)) {
            List<ResultRow> sweep = select(dataset, a, ResultRow.Kind.LEVEL);
            List<ResultRow> orig = select(dataset, a, ResultRow.Kind.ORIGINAL);
            for (String c : COMPENSATIONS) {
                List<Plots.Curve> curves = new ArrayList<>();
                for (String m : PLOTTED) {
                    Map<Double, List<ResultRow>> byPoint = new TreeMap<>();
                    for (ResultRow r : sweep) {
                        if (r.method().equals(m) && r.compensation().equals(c)) {
                            byPoint.computeIfAbsent(r.level(), k -> new ArrayList<>()).add(r);
                        }
                    }
                    if (byPoint.isEmpty()) {
                        continue;
                    }
                    double[] x = new double[byPoint.size()];
                    double[] y = new double[byPoint.size()];
                    int i = 0;
                    for (List<ResultRow> pts : byPoint.values()) {
                        x[i] = pts.stream().mapToLong(ResultRow::parameters).average().orElse(Double.NaN);
                        y[i] = pts.stream().mapToDouble(ResultRow::rmse).average().orElse(Double.NaN);
                        i++;
                    }
                    curves.add(new Plots.Curve(m, x, y));
                }
                if (!orig.isEmpty()) {
                    curves.add(new Plots.Curve("uncompressed", new double[] {orig.get(0).parameters()},
                            new double[] {orig.stream().mapToDouble(ResultRow::rmse).average().orElse(Double.NaN)}));
                }
                charts.add(new Plots.CurveChart(dataset + ", " + a + ", compensation " + c,
                        "non-zero parameters", "test RMSE (mean over seeds)", curves));
            }
        }
        return Plots.curvePanels(charts, COMPENSATIONS.size());
    }
}
