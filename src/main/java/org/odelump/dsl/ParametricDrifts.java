package org.odelump.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Variable;
import org.odelump.symbolic.NameResolver;
import org.odelump.symbolic.Symbolic;

/**
 * Drifts of a model given as ODEs with its parameters as named symbols rather than numbers.
 *
 * <p>{@link #extend} expands every drift written in an ODE section with the parameters it names as extra
 * indeterminates: the result is a polynomial system over the variables x followed by one indeterminate per kept
 * parameter p (with zero drift and the parameter's value as its initial value), so that an identity of the original
 * system in x and p becomes a property of an ordinary polynomial system (a lumping of the variables with every
 * parameter in a singleton block). A parameter that occurs other than polynomially (in a divisor, an exponent or a
 * function argument) cannot be an indeterminate of a polynomial and is substituted, with the reason.
 *
 * <p>{@link #model} goes back: drifts over variables and indeterminates become a DSL model whose drifts are written
 * with the parameter names (the drift sources, expanded: {@code 2*kon*S10 - koff*C}), and whose numeric drifts are
 * those sources read as the parser reads them, so printing and parsing it again gives the same model. Expansions go
 * through {@link Symbolic#expand}: natively unless a drift calls a function (then Symja starts, as when the model
 * was parsed).
 */
public final class ParametricDrifts {

    private ParametricDrifts() {
    }

    /**
     * A model's drifts over its variables and kept parameters.
     *
     * @param system        the variables x_0..x_{n-1} followed by the indeterminates (named and valued like their
     *                      parameters, drift zero); no parameters, views or reactions
     * @param variables     n, the number of the model's own variables
     * @param indeterminates the kept parameters, in declaration order; indeterminate j is variable n + j
     * @param substituted   parameters named in drifts that are substituted by their values, with the reason
     */
    public record Extended(OdeSystem system, int variables, List<String> indeterminates,
                           Map<String, String> substituted) {
        public Extended {
            indeterminates = List.copyOf(indeterminates);
            substituted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(substituted));
        }
    }

    /**
     * The model's drifts with the parameters they name as indeterminates, where a drift source was written (an ODE
     * section); a drift without a source keeps its numbers.
     *
     * @throws IllegalArgumentException when a drift cannot be expanded again (it could when the model was read)
     */
    public static Extended extend(OdeSystem m) {
        Map<String, Double> values = new HashMap<>();
        for (Parameter p : m.parameters()) {
            values.put(p.name(), p.value());
        }
        Map<String, String> substituted = new LinkedHashMap<>();
        Set<String> named = new HashSet<>();
        for (Expr src : m.driftSources()) {
            if (src != null) {
                scan(src, true, null, values, named, substituted);
            }
        }
        int n = m.dimension();
        List<String> kept = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<Variable> vars = new ArrayList<>(m.variables());
        List<Double> init = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            if (named.contains(p.name()) && !substituted.containsKey(p.name())) {
                index.put(p.name(), n + kept.size());
                kept.add(p.name());
                vars.add(Variable.of(p.name()));
                init.add(p.value());
            }
        }
        NameResolver resolver = new NameResolver() {
            @Override
            public int variableIndex(String name) {
                Integer j = index.get(name);
                return j != null ? j : m.indexOf(name);
            }

            @Override
            public Double parameterValue(String name) {
                return index.containsKey(name) ? null : values.get(name);
            }
        };
        List<Polynomial> drifts = new ArrayList<>(vars.size());
        for (int i = 0; i < n; i++) {
            Expr src = m.driftSources().get(i);
            drifts.add(src == null ? m.drift(i) : Symbolic.expand(src, resolver));
        }
        double[] x0 = new double[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
            x0[i] = i < n ? m.initialValue(i) : init.get(i - n);
            if (i >= n) {
                drifts.add(Polynomial.ZERO);
            }
        }
        OdeSystem ext = OdeSystem.builder(m.name()).variables(vars).initialValues(x0).drifts(drifts)
                .provenance(m.provenance()).build();
        return new Extended(ext, n, kept, substituted);
    }

    /**
     * Records the parameters {@code e} names; those that occur where a polynomial cannot hold an indeterminate go
     * to {@code substituted} with the reason.
     *
     * @param polynomial false below a divisor, an exponent or a function argument
     * @param reason     why the current position is not polynomial (when {@code polynomial} is false)
     */
    private static void scan(Expr e, boolean polynomial, String reason, Map<String, Double> parameters,
                             Set<String> named, Map<String, String> substituted) {
        if (e instanceof Expr.Ref r) {
            if (parameters.containsKey(r.name())) {
                named.add(r.name());
                if (!polynomial) {
                    substituted.putIfAbsent(r.name(), reason);
                }
            }
        } else if (e instanceof Expr.Neg n) {
            scan(n.operand(), polynomial, reason, parameters, named, substituted);
        } else if (e instanceof Expr.Call c) {
            boolean pow = c.function().equals("pow") && c.args().size() == 2;
            for (int a = 0; a < c.args().size(); a++) {
                boolean base = pow && a == 0 && naturalNumber(c.args().get(1));
                scan(c.args().get(a), polynomial && base, !polynomial ? reason : pow ? "it occurs in a power"
                        : "it occurs in the argument of " + c.function() + "()", parameters, named, substituted);
            }
        } else if (e instanceof Expr.Binary b) {
            // sums and products are left-deep chains of any length: walk the left spine iteratively
            Expr left = b;
            while (left instanceof Expr.Binary lb) {
                Expr right = lb.right();
                switch (lb.op()) {
                    case DIV -> scan(right, false, polynomial ? "it occurs in a divisor" : reason, parameters,
                            named, substituted);
                    case POW -> scan(right, false, polynomial ? "it occurs in an exponent" : reason, parameters,
                            named, substituted);
                    default -> scan(right, polynomial, reason, parameters, named, substituted);
                }
                if (lb.op() == Expr.Op.POW && !naturalNumber(right)) {
                    scan(lb.left(), false, polynomial ? "it is raised to a power that is not a whole number"
                            : reason, parameters, named, substituted);
                    return;
                }
                left = lb.left();
            }
            scan(left, polynomial, reason, parameters, named, substituted);
        }
    }

    private static boolean naturalNumber(Expr e) {
        return e instanceof Expr.Num n && n.value() >= 0 && n.value() == Math.rint(n.value());
    }

    /**
     * A model over {@code template}'s variables whose drifts are {@code drifts} written with parameter names:
     * in {@code drifts}, variable index i &lt; template.dimension() is template's variable i and index
     * template.dimension() + j is the parameter {@code indeterminates.get(j)}. The parameters section lists the
     * parameters of {@code origin} that the drifts name, and those their definitions need, in origin's order and
     * with origin's definitions. Name, variables, initial values, views and provenance are template's.
     *
     * @param template       the model whose variables the drifts are over (e.g. a reduced model with numbers)
     * @param origin         where the parameters are declared
     * @param drifts         one per variable of template
     * @param indeterminates the parameters behind the indices after template's variables
     */
    public static OdeSystem model(OdeSystem template, OdeSystem origin, List<Polynomial> drifts,
                                  List<String> indeterminates) {
        int n = template.dimension();
        if (drifts.size() != n) {
            throw new IllegalArgumentException("expected " + n + " drifts, got " + drifts.size());
        }
        List<String> names = new ArrayList<>(template.variableNames());
        names.addAll(indeterminates);
        Set<String> used = new HashSet<>();
        List<Expr> sources = new ArrayList<>(n);
        for (Polynomial f : drifts) {
            sources.add(expression(f, n, names, used));
        }
        List<Parameter> parameters = neededParameters(origin, used);
        Map<String, Double> values = new HashMap<>();
        for (Parameter p : parameters) {
            values.put(p.name(), p.value());
        }
        PolyConverter.Scope scope = new PolyConverter.Scope() {
            @Override
            public int variableIndex(String name) {
                return template.indexOf(name);
            }

            @Override
            public Double parameterValue(String name) {
                return values.get(name);
            }
        };
        List<Polynomial> numeric = new ArrayList<>(n);
        for (Expr src : sources) {
            numeric.add(ExprCompiler.read(src, scope)); // as the parser reads the printed source
        }
        return template.toBuilder().reactions(List.of()).reactionNetwork(false)
                .parameters(parameters).drifts(numeric).driftSources(sources).build();
    }

    /**
     * The model itself with every drift written in an ODE section expanded with the parameters it names kept as
     * names (where they occur polynomially), for printing.
     */
    public static OdeSystem withParameterNames(OdeSystem m) {
        if (m.isReactionNetwork()) {
            return m;
        }
        Extended e = extend(m);
        return model(m, m, e.system().drifts().subList(0, m.dimension()), e.indeterminates());
    }

    /** Parameters of origin in {@code used}, and those their definitions refer to, in origin's order. */
    private static List<Parameter> neededParameters(OdeSystem origin, Set<String> used) {
        Map<String, Parameter> byName = new HashMap<>();
        Map<String, Double> values = new HashMap<>();
        for (Parameter p : origin.parameters()) {
            byName.put(p.name(), p);
            values.put(p.name(), p.value());
        }
        Set<String> needed = new HashSet<>();
        List<String> work = new ArrayList<>(used);
        while (!work.isEmpty()) {
            Parameter p = byName.get(work.remove(work.size() - 1));
            if (p != null && needed.add(p.name()) && p.source() != null) {
                Set<String> refs = new HashSet<>();
                scan(p.source(), true, null, values, refs, new HashMap<>());
                work.addAll(refs);
            }
        }
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : origin.parameters()) {
            if (needed.contains(p.name())) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The expanded expression of a polynomial over variables (indices &lt; n) and parameters (indices ≥ n): terms
     * ordered by their variable part, then by their parameter part, each written coefficient·parameters·variables.
     */
    private static Expr expression(Polynomial f, int n, List<String> names, Set<String> used) {
        record Term(Monomial vars, Monomial params, double c) {
        }
        List<Term> terms = new ArrayList<>(f.size());
        for (int t = 0; t < f.size(); t++) {
            Monomial m = f.monomial(t);
            List<int[]> vs = new ArrayList<>();
            List<int[]> ps = new ArrayList<>();
            for (int j = 0; j < m.size(); j++) {
                (m.var(j) < n ? vs : ps).add(new int[] {m.var(j), m.exp(j)});
            }
            terms.add(new Term(monomial(vs), monomial(ps), f.coefficient(t)));
        }
        terms.sort(Comparator.comparing(Term::vars).thenComparing(Term::params));
        Expr sum = null;
        for (Term t : terms) {
            double abs = Math.abs(t.c());
            boolean negate = t.c() < 0 && sum == null; // later negative terms are subtracted
            Expr product = null;
            if (abs != 1.0 || (t.vars().isConstant() && t.params().isConstant())) {
                product = negate ? new Expr.Neg(new Expr.Num(abs)) : new Expr.Num(abs);
                negate = false;
            }
            for (Monomial part : List.of(t.params(), t.vars())) {
                for (int j = 0; j < part.size(); j++) {
                    String name = names.get(part.var(j));
                    if (part.var(j) >= n) {
                        used.add(name);
                    }
                    Expr factor = new Expr.Ref(name);
                    if (part.exp(j) != 1) {
                        factor = new Expr.Binary(Expr.Op.POW, factor, new Expr.Num(part.exp(j)));
                    }
                    // the sign goes on the first factor, as the parser reads "-k*x" (unary minus is an atom)
                    factor = negate ? new Expr.Neg(factor) : factor;
                    negate = false;
                    product = product == null ? factor : new Expr.Binary(Expr.Op.MUL, product, factor);
                }
            }
            sum = sum == null ? product
                    : new Expr.Binary(t.c() < 0 ? Expr.Op.SUB : Expr.Op.ADD, sum, product);
        }
        return sum == null ? new Expr.Num(0) : sum;
    }

    private static Monomial monomial(List<int[]> factors) {
        int[] vs = new int[factors.size()];
        int[] es = new int[factors.size()];
        for (int j = 0; j < vs.length; j++) {
            vs[j] = factors.get(j)[0];
            es[j] = factors.get(j)[1];
        }
        return Monomial.of(vs, es);
    }
}
