package org.odelump.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.odelump.model.Command;
import org.odelump.model.Diagnostic;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.lumping.Prepartition;

/**
 * What {@code odelump run} does with the commands written in a model file, decided before anything runs (so that
 * {@code check} can list it). Each command becomes a {@link Step}: a reduction, a simulation, or nothing; every
 * command or option that cannot be honoured is a warning at the command's file:line:column, never silence.
 *
 * <p>ERODE names understood: {@code reduceFE}, {@code reduceBE}, {@code reduceFDE}, {@code reduceBDE} (exact FE/BE),
 * {@code reduceEpsNFB}, {@code reduceEpsNBB} (ε-FE, ε-BE) with {@code prePartition} (NO, IC, USER, USER_and_IC),
 * {@code reducedFile} and {@code epsilon}; {@code simulateODE} with {@code tEnd}, {@code steps} and
 * {@code csvFile}. Relative file names resolve against the model file's folder, as in ERODE.
 */
final class RunPlan {

    /** What a step does. */
    enum Action {
        REDUCE, SIMULATE, SKIP
    }

    /**
     * One command of the file, interpreted.
     *
     * @param command      the command as written
     * @param action       what runs
     * @param method       FE or BE (REDUCE)
     * @param approximate  an ε-reduction (REDUCE)
     * @param epsilon      ε (approximate REDUCE)
     * @param prepartition initial partition kinds (REDUCE)
     * @param output       reducedFile (REDUCE) or csvFile (SIMULATE), resolved; null when absent
     * @param tEnd         end time (SIMULATE)
     * @param steps        grid intervals (SIMULATE)
     * @param warnings     options or the command that are not honoured, as file:line:column messages
     */
    record Step(Command command, Action action, Method method, boolean approximate, double epsilon,
                Set<Prepartition> prepartition, Path output, double tEnd, int steps, List<Diagnostic> warnings) {
        String describe() {
            String where = "line " + command.line();
            return switch (action) {
                case REDUCE -> String.format(Locale.ROOT, "%-9s %s: runs as %s%s, prepartition %s%s", where,
                        command.name(), approximate ? "epsilon-" + method : method,
                        approximate ? " (epsilon " + epsilon + ")" : "",
                        prepartition.isEmpty() ? "NONE" : join(prepartition),
                        output == null ? "" : ", writes " + output);
                case SIMULATE -> String.format(Locale.ROOT, "%-9s %s: runs as simulate to t = %s, %d steps%s", where,
                        command.name(), tEnd, steps, output == null ? "" : ", writes " + output);
                case SKIP -> String.format(Locale.ROOT, "%-9s %s: not run", where, command.name());
            };
        }
    }

    /** Grid intervals of simulateODE when the file gives no {@code steps}. */
    static final int DEFAULT_STEPS = 200;

    /** Options that only concern ERODE's GUI (plots, labels); odelump draws nothing for them. */
    private static final Set<String> DISPLAY_ONLY = Set.of("viewPlot", "visualizePlot", "showLabels", "print",
            "visualizeVars", "visualizeViews", "covariances");

    private RunPlan() {
    }

    static List<Step> of(OdeSystem m, Path file) {
        List<Step> steps = new ArrayList<>();
        Path folder = file.toAbsolutePath().getParent();
        for (Command c : m.commands()) {
            steps.add(step(c, file.toString(), folder));
        }
        return steps;
    }

    private static Step step(Command c, String file, Path folder) {
        List<Diagnostic> warnings = new ArrayList<>();
        Map<String, String> opts = new LinkedHashMap<>(c.options());
        String target = opts.remove("=");
        if (target != null) {
            warnings.add(warn(file, c, "the assignment to '" + target + "' is ignored: every command of 'odelump run' "
                    + "works on the model of the file"));
        }
        Method method = null;
        boolean approximate = false;
        switch (c.name()) {
            case "reduceFE", "reduceFDE" -> method = Method.FE;
            case "reduceBE", "reduceBDE" -> method = Method.BE;
            case "reduceEpsNFB" -> {
                method = Method.FE;
                approximate = true;
            }
            case "reduceEpsNBB" -> {
                method = Method.BE;
                approximate = true;
            }
            case "simulateODE" -> {
                return simulation(c, opts, file, folder, warnings);
            }
            default -> {
                warnings.add(warn(file, c, "command " + c.name() + " is not supported by odelump run; it is skipped"));
                return skip(c, warnings);
            }
        }
        Set<Prepartition> kinds = new LinkedHashSet<>();
        String pre = opts.remove("prePartition");
        if (pre != null) {
            switch (pre.toUpperCase(Locale.ROOT)) {
                case "NO", "NONE" -> { }
                case "IC" -> kinds.add(Prepartition.IC);
                case "USER" -> kinds.add(Prepartition.USER);
                case "USER_AND_IC", "IC_AND_USER" -> {
                    kinds.add(Prepartition.USER);
                    kinds.add(Prepartition.IC);
                }
                default -> {
                    warnings.add(warn(file, c, c.name() + ": prePartition=" + pre + " is not one of NO, IC, USER, "
                            + "USER_and_IC; the command is skipped"));
                    return skip(c, warnings);
                }
            }
        }
        double epsilon = 0.0;
        String eps = opts.remove("epsilon");
        if (approximate) {
            Double e = eps == null ? null : number(eps);
            if (e == null || !(e >= 0) || Double.isInfinite(e)) {
                warnings.add(warn(file, c, c.name() + " needs epsilon=NUMBER >= 0"
                        + (eps == null ? "" : ", not '" + eps + "'") + "; the command is skipped"));
                return skip(c, warnings);
            }
            epsilon = e;
        } else if (eps != null) {
            warnings.add(warn(file, c, c.name() + ": option epsilon is ignored (an exact reduction)"));
        }
        Path output = path(folder, opts.remove("reducedFile"));
        ignoreRest(file, c, opts, warnings);
        return new Step(c, Action.REDUCE, method, approximate, epsilon, Collections.unmodifiableSet(kinds), output,
                0, 0, List.copyOf(warnings));
    }

    private static Step simulation(Command c, Map<String, String> opts, String file, Path folder,
                                   List<Diagnostic> warnings) {
        String tEndText = opts.remove("tEnd");
        Double tEnd = tEndText == null ? null : number(tEndText);
        if (tEnd == null || !(tEnd > 0) || Double.isInfinite(tEnd)) {
            warnings.add(warn(file, c, "simulateODE needs tEnd=NUMBER > 0" + (tEndText == null ? ""
                    : ", not '" + tEndText + "'") + "; the command is skipped"));
            return skip(c, warnings);
        }
        int steps = DEFAULT_STEPS;
        String stepsText = opts.remove("steps");
        if (stepsText != null) {
            Double s = number(stepsText);
            if (s == null || s != Math.rint(s) || s < 1 || s > 10_000_000) {
                warnings.add(warn(file, c, "simulateODE: steps must be a whole number between 1 and 10,000,000, "
                        + "not '" + stepsText + "'; the command is skipped"));
                return skip(c, warnings);
            }
            steps = (int) (double) s;
        }
        Path output = path(folder, opts.remove("csvFile"));
        ignoreRest(file, c, opts, warnings);
        return new Step(c, Action.SIMULATE, null, false, 0, Set.of(), output, tEnd, steps, List.copyOf(warnings));
    }

    private static void ignoreRest(String file, Command c, Map<String, String> opts, List<Diagnostic> warnings) {
        for (Map.Entry<String, String> e : opts.entrySet()) {
            String o = e.getKey() + (e.getValue().isEmpty() ? "" : "=" + e.getValue());
            warnings.add(warn(file, c, c.name() + ": option " + o + " is ignored ("
                    + (DISPLAY_ONLY.contains(e.getKey()) ? "odelump run draws no plots; the CSV has the views"
                            : "not supported by odelump run") + ")"));
        }
    }

    private static Step skip(Command c, List<Diagnostic> warnings) {
        return new Step(c, Action.SKIP, null, false, 0, Set.of(), null, 0, 0, List.copyOf(warnings));
    }

    private static Diagnostic warn(String file, Command c, String message) {
        return new Diagnostic(file, c.line(), c.column(), Diagnostic.Kind.WARNING, message);
    }

    private static Double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Path path(Path folder, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Path p = Path.of(name.strip());
        return p.isAbsolute() || folder == null ? p : folder.resolve(p).normalize();
    }

    private static String join(Set<Prepartition> kinds) {
        return String.join("+", kinds.stream().map(Enum::name).toList());
    }
}
