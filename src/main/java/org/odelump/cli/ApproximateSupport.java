package org.odelump.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.odelump.dsl.DslPrinter;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.ApproximateReduction;
import org.odelump.lumping.EpsilonEquivalence;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.NearestExactModel;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Partition;

/** The ε-FE/ε-BE part of {@code odelump reduce} (kept apart so ReduceCommand stays small). */
final class ApproximateSupport {

    /** Grouping rule used when none is given; see docs/approximate.md for the measurement behind it. */
    static final Grouping DEFAULT_GROUPING = Grouping.DIAMETER;

    /** Typed option values. */
    enum ModeOption {
        abs(EpsilonMode.ABS), rel(EpsilonMode.REL);

        final EpsilonMode mode;

        ModeOption(EpsilonMode m) {
            this.mode = m;
        }
    }

    /** Typed option values. */
    enum GroupingOption {
        components(Grouping.COMPONENTS), diameter(Grouping.DIAMETER);

        final Grouping grouping;

        GroupingOption(Grouping g) {
            this.grouping = g;
        }
    }

    private ApproximateSupport() {
    }

    /**
     * Runs the approximate reduction: direct quotient, or nearest exact model by coefficients (perturb empty) or
     * by the named parameters.
     */
    static ApproximateReduction.Result reduce(OdeSystem m, Method method, Partition initial, String description,
                                              double epsilon, EpsilonMode mode, Grouping grouping, double tolerance,
                                              boolean nearest, List<String> perturb) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new Main.UsageException("--epsilon must be a finite number >= 0: " + epsilon);
        }
        ApproximateReduction ar = new ApproximateReduction(m, method, initial, description, epsilon, mode, grouping,
                Tolerance.of(tolerance));
        if (!nearest && perturb.isEmpty()) {
            return ar.compute();
        }
        EpsilonEquivalence.Result eps = ar.partition();
        if (perturb.isEmpty()) {
            return ar.nearest(eps, NearestExactModel.coefficients(m, method, eps.partition()));
        }
        List<String> names = parameterNames(m, perturb);
        double[] values = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            values[j] = valueOf(m, names.get(j));
        }
        try {
            return ar.nearest(eps, NearestExactModel.parameters(m, method, eps.partition(), names, values,
                    rebuild(m, names), 1e-9));
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    static void printApproximation(PrintWriter out, ApproximateReduction.Result r) {
        out.printf(Locale.ROOT, "  epsilon    %d rounds, %d L1 distances computed%n", r.epsilon().rounds(),
                r.epsilon().distances());
        NearestExactModel.Result n = r.nearest();
        if (n == null) {
            out.println("  quotient   direct (as if the partition were exact); check it with --verify");
        } else {
            out.printf(Locale.ROOT, "  nearest    exact model by perturbing %s: change 2-norm %.6g, max %.6g, %d changed%n",
                    n.what(), n.changeNorm2(), n.changeMax(), n.changed());
            if (n.newValues().length > 0) {
                String[] names = n.what().split(",");
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < names.length; j++) {
                    sb.append(j > 0 ? ", " : "").append(names[j]).append(" = ").append(n.newValues()[j]);
                }
                out.println("  parameters " + sb);
            }
        }
    }

    private static List<String> parameterNames(OdeSystem m, List<String> perturb) {
        List<String> names = new ArrayList<>();
        if (perturb.size() == 1 && perturb.get(0).equalsIgnoreCase("all")) {
            for (Parameter p : m.parameters()) {
                names.add(p.name());
            }
            if (names.isEmpty()) {
                throw new Main.UsageException("--perturb all: the model has no parameters");
            }
            return names;
        }
        for (String s : perturb) {
            if (m.parameters().stream().noneMatch(p -> p.name().equals(s))) {
                throw new Main.UsageException("--perturb: '" + s + "' is no parameter of the model");
            }
            if (!names.contains(s)) {
                names.add(s);
            }
        }
        return names;
    }

    private static double valueOf(OdeSystem m, String name) {
        for (Parameter p : m.parameters()) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        throw new IllegalStateException(name);
    }

    /** The model at new values of the named parameters: printed with those values, parsed again. */
    private static Function<double[], OdeSystem> rebuild(OdeSystem m, List<String> names) {
        return values -> {
            List<Parameter> ps = new ArrayList<>();
            for (Parameter p : m.parameters()) {
                int j = names.indexOf(p.name());
                ps.add(j < 0 ? p : new Parameter(p.name(), values[j], null));
            }
            OdeSystem changed = m.toBuilder().parameters(ps).build();
            return OdeParser.parse(m.name() + "(perturbed)", DslPrinter.print(changed)).system();
        };
    }
}
