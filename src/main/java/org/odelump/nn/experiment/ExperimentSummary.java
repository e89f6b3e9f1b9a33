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
 * the win rate of AFDE against each baseline, and one PNG per dataset of test RMSE against parameter count.
 *
 * <p>Win rate: over the (seed, level, compensation) cells where AFDE and the baseline were measured at the same
 * parameter count, the fraction in which AFDE's test RMSE is strictly lower, once over the tables' levels and once
 * over every measured level. The baselines are pruned to AFDE's count, so these are like-for-like.
 */
public final class ExperimentSummary {

    /** Methods in table order. */
    static final List<String> METHODS = List.of("afde", "abde", "magnitude", "layer-magnitude", "structured",
            "wanda");

    /** Baselines AFDE is compared with. */
    static final List<String> BASELINES = List.of("magnitude", "layer-magnitude", "structured", "wanda");

    static final List<String> COMPENSATIONS = java.util.Arrays.stream(org.odelump.nn.Compensation.values())
            .map(org.odelump.nn.Compensation::key).toList();

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
                        + "AFDE's size).%n%n", fmt(o)));
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
                for (String m : METHODS) {
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
