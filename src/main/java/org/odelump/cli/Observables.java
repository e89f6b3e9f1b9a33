package org.odelump.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.odelump.model.Expr;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.View;

/**
 * Turns {@code --observe} arguments into sets of variable names whose sums must stay exactly computable. An
 * argument is a variable, a sum of variables written {@code A1P+Rfree} (or, as before, {@code A1P,Rfree}), or the
 * name of a view of the model; several observables are several arguments (picocli splits {@code A1P;Rfree}).
 * A view must be linear in the variables; it is split into one set per distinct coefficient, so that
 * Σ w_i·x_i = Σ_w w·(Σ_{i: w_i = w} x_i) stays computable from the preserved sums.
 */
final class Observables {

    /** What an error message says about the accepted forms. */
    static final String FORMS = "Accepted forms: a variable (A1P), a sum of variables (A1P+Rfree or A1P,Rfree), "
            + "the name of a linear view; several observables by repeating --observe or separating them with ';' "
            + "(--observe 'A1P;Rfree').";

    private Observables() {
    }

    static List<Set<String>> resolve(OdeSystem m, List<String> args) {
        List<Set<String>> out = new ArrayList<>();
        for (String a : trimmed(args)) {
            View view = view(m, a);
            if (view != null) {
                Map<String, Double> coefficients = linear(view.expression(), m, a);
                Map<Double, Set<String>> byWeight = new TreeMap<>();
                coefficients.forEach((name, w) -> {
                    if (w != 0.0) {
                        byWeight.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(name);
                    }
                });
                if (byWeight.isEmpty()) {
                    throw new Main.UsageException("--observe " + a + ": the view names no variable");
                }
                out.addAll(byWeight.values());
            } else {
                Set<String> names = new LinkedHashSet<>();
                for (String part : a.split("[,+]", -1)) {
                    String name = part.trim();
                    if (m.indexOf(name) < 0) {
                        throw new Main.UsageException("--observe " + a + ": '" + name + "' is neither a variable nor "
                                + "a view of " + m.name() + ". " + FORMS);
                    }
                    names.add(name);
                }
                out.add(names);
            }
        }
        return out;
    }

    /**
     * A linear observable to evaluate along a trajectory: value = constant + Σ weights[i]·x_i.
     *
     * @param name     column name (the view's name, or the argument as written)
     * @param weights  one weight per variable of the model
     * @param constant the constant term
     */
    record Column(String name, double[] weights, double constant) {
        double value(double[] x) {
            double v = constant;
            for (int i = 0; i < x.length; i++) {
                if (weights[i] != 0.0) {
                    v += weights[i] * x[i];
                }
            }
            return v;
        }
    }

    /** Columns for --observe arguments of simulate: a variable, a sum (A+B or A,B) or a linear view. */
    static List<Column> columns(OdeSystem m, List<String> args) {
        List<Column> out = new ArrayList<>();
        for (String a : trimmed(args)) {
            View view = view(m, a);
            if (view != null) {
                out.add(column(m, view));
                continue;
            }
            double[] w = new double[m.dimension()];
            for (Set<String> names : resolve(m, List.of(a))) {
                for (String n : names) {
                    w[m.indexOf(n)] += 1.0;
                }
            }
            out.add(new Column(a, w, 0.0));
        }
        return out;
    }

    private static List<String> trimmed(List<String> args) {
        return args.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
    }

    /** The view named {@code name}, or null when there is none or a variable has that name. */
    private static View view(OdeSystem m, String name) {
        return m.indexOf(name) >= 0 ? null
                : m.views().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private static Map<String, Double> parameterValues(OdeSystem m) {
        Map<String, Double> params = new HashMap<>();
        for (Parameter p : m.parameters()) {
            params.put(p.name(), p.value());
        }
        return params;
    }

    /** A view as a column; a UsageException when it is not linear in the variables. */
    static Column column(OdeSystem m, View view) {
        Form f = new Linear(m, parameterValues(m), view.name()).form(view.expression());
        double[] w = new double[m.dimension()];
        f.coefficients().forEach((name, c) -> w[m.indexOf(name)] += c);
        return new Column(view.name(), w, f.constant());
    }

    /** Coefficients of a linear expression in the variables (constant terms dropped). */
    private static Map<String, Double> linear(Expr e, OdeSystem m, String view) {
        return new Linear(m, parameterValues(m), view).coefficients(e);
    }

    /** A linear form: variable coefficients plus a constant. */
    private record Form(Map<String, Double> coefficients, double constant) {
        boolean isConstant() {
            return coefficients.isEmpty();
        }

        Form scale(double c) {
            Map<String, Double> out = new LinkedHashMap<>();
            coefficients.forEach((k, v) -> out.put(k, v * c));
            return new Form(out, constant * c);
        }

        Form plus(Form o, double sign) {
            Map<String, Double> out = new LinkedHashMap<>(coefficients);
            o.coefficients.forEach((k, v) -> out.merge(k, sign * v, Double::sum));
            return new Form(out, constant + sign * o.constant);
        }
    }

    private record Linear(OdeSystem m, Map<String, Double> params, String view) {
        Map<String, Double> coefficients(Expr e) {
            return form(e).coefficients();
        }

        Form form(Expr e) {
            if (e instanceof Expr.Num n) {
                return new Form(Map.of(), n.value());
            }
            if (e instanceof Expr.Ref r) {
                if (m.indexOf(r.name()) >= 0) {
                    return new Form(Map.of(r.name(), 1.0), 0.0);
                }
                Double v = params.get(r.name());
                if (v == null) {
                    throw notLinear();
                }
                return new Form(Map.of(), v);
            }
            if (e instanceof Expr.Neg n) {
                return form(n.operand()).scale(-1.0);
            }
            if (e instanceof Expr.Binary b) {
                Form l = form(b.left());
                Form r = form(b.right());
                switch (b.op()) {
                    case ADD:
                        return l.plus(r, 1.0);
                    case SUB:
                        return l.plus(r, -1.0);
                    case MUL:
                        if (l.isConstant()) {
                            return r.scale(l.constant());
                        }
                        if (r.isConstant()) {
                            return l.scale(r.constant());
                        }
                        throw notLinear();
                    case DIV:
                        if (r.isConstant() && r.constant() != 0.0) {
                            return l.scale(1.0 / r.constant());
                        }
                        throw notLinear();
                    default:
                        if (l.isConstant() && r.isConstant()) {
                            return new Form(Map.of(), Math.pow(l.constant(), r.constant()));
                        }
                        throw notLinear();
                }
            }
            throw notLinear();
        }

        private Main.UsageException notLinear() {
            return new Main.UsageException("--observe " + view
                    + ": the view is not a linear combination of variables, so it cannot be preserved by a partition");
        }
    }
}
