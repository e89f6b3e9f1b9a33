package org.odelump.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.odelump.lumping.ApproximateReduction;
import org.odelump.lumping.EpsilonEquivalence;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.NearestExactModel;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;
import org.odelump.symbolic.NameResolver;
import org.odelump.symbolic.Symbolic;
import org.odelump.model.Partition;

/** The ε-FE/ε-BE part of {@code odelump reduce} (kept apart so ReduceCommand stays small). */
final class ApproximateSupport {

    /** Grouping rule used when none is given; see docs/approximate.md for the measurement behind it. */
    static final Grouping DEFAULT_GROUPING = Grouping.COMPONENTS;

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
                                              double epsilon, EpsilonMode mode, Grouping grouping, Tolerance tolerance,
                                              boolean nearest, List<String> perturb) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new Main.UsageException("--epsilon must be a finite number >= 0: " + epsilon);
        }
        ApproximateReduction ar = new ApproximateReduction(m, method, initial, description, epsilon, mode, grouping,
                tolerance);
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
        out.printf(Locale.ROOT, "  epsilon    %d refinement round%s, %d L1 distances computed%n",
                r.epsilon().rounds(), r.epsilon().rounds() == 1 ? "" : "s", r.epsilon().distances());
        NearestExactModel.Result n = r.nearest();
        if (n == null) {
            out.println("  quotient   direct (as if the partition were exact); check it with --verify");
        } else {
            out.printf(Locale.ROOT, "  nearest    exact model by perturbing %s: change 2-norm %.6g, max %.6g, %d changed%n",
                    n.what(), n.changeNorm2(), n.changeMax(), n.changed());
            if (n.initialChangeMax() > 0) {
                out.printf(Locale.ROOT, "  initial    values made constant on blocks: change 2-norm %.6g, max %.6g%n",
                        n.initialChangeNorm2(), n.initialChangeMax());
            }
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

    /**
     * The model at new values of the named parameters: every drift written in an ODE section and every reaction
     * rate is expanded again from its source expression with the new values. Parameters defined in terms of a
     * perturbed parameter keep their value.
     */
    private static Function<double[], OdeSystem> rebuild(OdeSystem m, List<String> names) {
        boolean anySource = false;
        for (int i = 0; i < m.dimension(); i++) {
            anySource |= m.driftSources().get(i) != null;
        }
        for (Reaction r : m.reactions()) {
            anySource |= r.rateSource() != null;
        }
        if (!anySource) {
            throw new Main.UsageException("--perturb: the model keeps no rate expressions (e.g. it was generated), "
                    + "so its coefficients do not depend on parameters; use --nearest-exact");
        }
        return values -> {
            java.util.Map<String, Double> value = new java.util.HashMap<>();
            for (Parameter p : m.parameters()) {
                value.put(p.name(), p.value());
            }
            for (int j = 0; j < names.size(); j++) {
                value.put(names.get(j), values[j]);
            }
            NameResolver resolver = new NameResolver() {
                @Override
                public int variableIndex(String name) {
                    return m.indexOf(name);
                }

                @Override
                public Double parameterValue(String name) {
                    return value.get(name);
                }
            };
            List<Polynomial> drifts = new ArrayList<>();
            if (m.isReactionNetwork()) {
                List<Reaction> rs = new ArrayList<>();
                for (Reaction r : m.reactions()) {
                    if (r.rateSource() == null) {
                        rs.add(r);
                        continue;
                    }
                    Polynomial rate = Symbolic.expand(r.rateSource(), resolver);
                    Polynomial propensity = r.massAction()
                            ? Polynomial.term(rate.isZero() ? 0.0 : rate.coefficientOf(Monomial.ONE), r.reagents())
                            : rate;
                    rs.add(new Reaction(r.label(), r.reagents(), r.products(), propensity, r.massAction(),
                            r.rateSource()));
                }
                drifts = OdeSystem.Builder.driftsOf(m.dimension(), rs);
            } else {
                for (int i = 0; i < m.dimension(); i++) {
                    Expr src = m.driftSources().get(i);
                    drifts.add(src == null ? m.drift(i) : Symbolic.expand(src, resolver));
                }
            }
            return OdeSystem.builder(m.name()).variables(m.variables()).initialValues(m.initialValues())
                    .drifts(drifts).build();
        };
    }
}
