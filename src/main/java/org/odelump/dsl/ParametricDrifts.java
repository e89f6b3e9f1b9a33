package org.odelump.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;
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

    /** Prefix of the indeterminate that stands for the reciprocal of a parameter: {@code 1/K}. */
    public static final String RECIPROCAL = "1/";

    /**
     * A model's drifts over its variables and kept parameters.
     *
     * @param system         the variables x_0..x_{n-1} followed by the indeterminates (named like their parameter,
     *                       or {@code 1/K} for the reciprocal of parameter K; valued like them; drift zero); no
     *                       parameters, views or reactions
     * @param variables      n, the number of the model's own variables
     * @param indeterminates the indeterminates' names, in parameter declaration order; indeterminate j is variable
     *                       n + j
     * @param together       per indeterminate j, the indeterminates that must stay symbols whenever j does (j itself,
     *                       the other role of its parameter, and those of parameters whose definition uses it), so
     *                       that changing a parameter in the reduced model changes what it changes in the original
     * @param substituted    parameters named in drifts that cannot be indeterminates, with the reason
     */
    public record Extended(OdeSystem system, int variables, List<String> indeterminates, List<List<Integer>> together,
                           Map<String, String> substituted) {
        public Extended {
            indeterminates = List.copyOf(indeterminates);
            together = together.stream().map(List::copyOf).toList();
            substituted = Collections.unmodifiableMap(new LinkedHashMap<>(substituted));
        }

        /** The parameter behind indeterminate j (K for both {@code K} and {@code 1/K}). */
        public String parameter(int j) {
            String name = indeterminates.get(j);
            return name.startsWith(RECIPROCAL) ? name.substring(RECIPROCAL.length()) : name;
        }
    }

    /**
     * The model's drifts with the parameters they name as indeterminates, where a drift source was written (an ODE
     * section); a drift without a source keeps its numbers. A parameter that divides as a factor ({@code x/K},
     * {@code x/(K*V^2)}) is kept through its reciprocal; one in a divisor that is no product of parameters, an
     * exponent or a function argument is substituted, and so is every parameter a substituted one is defined by.
     *
     * @throws IllegalArgumentException when a drift cannot be expanded again (it could when the model was read)
     */
    public static Extended extend(OdeSystem m) {
        ParameterOccurrences scan = new ParameterOccurrences(m);
        for (Expr src : sources(m)) {
            if (src != null) {
                scan.scan(src, true, null);
            }
        }
        scan.closeSubstitution();
        while (true) {
            Extended e = attempt(m, scan);
            if (e != null) {
                return e;
            }
        }
    }

    /**
     * The extended system with the parameters the scan has not substituted as indeterminates, or null when an
     * expression failed to expand with some of them as symbols (a name that is neither a variable nor a parameter,
     * e.g. a BioNetGen function): those are then substituted, for the next attempt. An expression that fails with
     * no symbol in it keeps its numbers.
     */
    private static Extended attempt(OdeSystem m, ParameterOccurrences scan) {
        int n = m.dimension();
        List<String> names = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<Variable> vars = new ArrayList<>(m.variables());
        List<Double> init = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            if (scan.substituted.containsKey(p.name())) {
                continue;
            }
            if (scan.direct.contains(p.name())) {
                index.put(p.name(), n + names.size());
                names.add(p.name());
                init.add(p.value());
            }
            if (scan.reciprocal.contains(p.name())) {
                index.put(RECIPROCAL + p.name(), n + names.size());
                names.add(RECIPROCAL + p.name());
                init.add(1 / p.value());
            }
        }
        names.forEach(name -> vars.add(Variable.of(name)));
        List<List<Integer>> together = new ArrayList<>();
        for (String name : names) {
            String parameter = name.startsWith(RECIPROCAL) ? name.substring(RECIPROCAL.length()) : name;
            List<Integer> with = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                String other = names.get(j);
                String q = other.startsWith(RECIPROCAL) ? other.substring(RECIPROCAL.length()) : other;
                if (q.equals(parameter) || scan.ancestors(q).contains(parameter)) {
                    with.add(j);
                }
            }
            together.add(with);
        }
        NameResolver resolver = NameResolver.of(name -> index.getOrDefault(name, m.indexOf(name)),
                name -> index.containsKey(name) ? null : scan.values.get(name));
        List<Polynomial> drifts = new ArrayList<>(vars.size());
        if (m.isReactionNetwork()) {
            // a reaction's rate expression with symbols, times its reagents for mass action
            List<Reaction> rs = new ArrayList<>();
            for (Reaction r : m.reactions()) {
                Polynomial rate = r.rateSource() == null ? null : expand(r.rateSource(), scan, index, resolver);
                if (r.rateSource() != null && rate == null && symbolsIn(r.rateSource(), scan, index, m)) {
                    return null;
                }
                Polynomial propensity = rate == null ? r.propensity()
                        : r.massAction() ? rate.times(Polynomial.term(1.0, r.reagents())) : rate;
                rs.add(new Reaction(r.label(), r.reagents(), r.products(), propensity, false, null));
            }
            drifts.addAll(OdeSystem.Builder.driftsOf(n, rs));
        } else {
            for (int i = 0; i < n; i++) {
                Expr src = m.driftSources().get(i);
                Polynomial f = src == null ? null : expand(src, scan, index, resolver);
                if (src != null && f == null && symbolsIn(src, scan, index, m)) {
                    return null;
                }
                drifts.add(f == null ? m.drift(i) : f);
            }
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
        return new Extended(ext, n, names, together, scan.substituted);
    }

    /** The expansion with symbols, or null when it fails. */
    private static Polynomial expand(Expr e, ParameterOccurrences scan, Map<String, Integer> index,
                                     NameResolver resolver) {
        try {
            return Symbolic.expand(scan.reciprocals(e), resolver);
        } catch (IllegalArgumentException failed) {
            return null;
        }
    }

    /**
     * True when {@code e} names a parameter that is an indeterminate; those become substituted (with the reason),
     * because {@code e} could not be expanded with them as symbols.
     */
    private static boolean symbolsIn(Expr e, ParameterOccurrences scan, Map<String, Integer> index, OdeSystem m) {
        boolean any = false;
        Set<String> refs = ParameterOccurrences.references(e);
        for (String name : refs) {
            if (m.indexOf(name) < 0 && !scan.values.containsKey(name)) {
                // e.g. a BioNetGen function: what it depends on is not in the model, so no parameter is safe
                for (String p : index.keySet()) {
                    scan.substituted.putIfAbsent(p.startsWith(RECIPROCAL) ? p.substring(RECIPROCAL.length()) : p,
                            "an expression names '" + name + "', which is neither a variable nor a parameter");
                }
                return !index.isEmpty();
            }
        }
        for (String name : refs) {
            if (index.containsKey(name) || index.containsKey(RECIPROCAL + name)) {
                scan.substituted.putIfAbsent(name, "it occurs in an expression that cannot be expanded with it "
                        + "as a symbol");
                any = true;
            }
        }
        if (any) {
            scan.closeSubstitution();
        }
        return any;
    }

    /** The expressions the drifts come from: the rate expressions of a network, else the drift sources. */
    private static List<Expr> sources(OdeSystem m) {
        return m.isReactionNetwork() ? m.reactions().stream().map(Reaction::rateSource).toList() : m.driftSources();
    }

    /** True when the model's drifts were written as expressions (an ODE section, or rates of reactions). */
    public static boolean hasSources(OdeSystem m) {
        return sources(m).stream().anyMatch(Objects::nonNull);
    }

    /**
     * The network with the named parameters replaced by their values in every rate expression, so that a reduction
     * of it (reduced reactions keep rate expressions) names only the other parameters; rates are unchanged.
     */
    public static OdeSystem withValues(OdeSystem network, Set<String> names) {
        Map<String, Double> values = new HashMap<>();
        for (Parameter p : network.parameters()) {
            if (names.contains(p.name())) {
                values.put(p.name(), p.value());
            }
        }
        List<Reaction> rs = new ArrayList<>();
        for (Reaction r : network.reactions()) {
            rs.add(new Reaction(r.label(), r.reagents(), r.products(), r.propensity(), r.massAction(),
                    r.rateSource() == null ? null : withValues(r.rateSource(), values)));
        }
        return network.toBuilder().reactions(rs).build();
    }

    private static Expr withValues(Expr e, Map<String, Double> values) {
        if (e instanceof Expr.Ref r && values.containsKey(r.name())) {
            return new Expr.Num(values.get(r.name()));
        } else if (e instanceof Expr.Neg n) {
            return new Expr.Neg(withValues(n.operand(), values));
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.args().stream().map(a -> withValues(a, values)).toList());
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), withValues(b.left(), values), withValues(b.right(), values));
        }
        return e;
    }

    /**
     * The reduced network with only the parameters its rate expressions name (and those their definitions need,
     * as {@link #model} lists them).
     */
    public static OdeSystem withUsedParameters(OdeSystem network, OdeSystem origin, Set<String> substituted) {
        Set<String> used = new HashSet<>();
        for (Reaction r : network.reactions()) {
            if (r.rateSource() != null) {
                used.addAll(ParameterOccurrences.references(r.rateSource()));
            }
        }
        return network.toBuilder().parameters(neededParameters(origin, used, substituted)).build();
    }

    /**
     * A model over {@code template}'s variables whose drifts are {@code drifts} written with parameter names:
     * in {@code drifts}, variable index i &lt; template.dimension() is template's variable i and index
     * template.dimension() + j is the indeterminate {@code indeterminates.get(j)} (a parameter, or {@code 1/K} for
     * the reciprocal of parameter K, written as a division). The parameters section lists the parameters of
     * {@code origin} that the drifts name, in origin's order; a parameter keeps its definition (and the parameters
     * that definition needs are listed too) unless one of those is, or defines, a parameter in {@code substituted}:
     * then it is written as its value, so that changing a listed parameter changes what it changes in the original.
     * Name, variables, initial values, views and provenance are template's.
     *
     * @param template       the model whose variables the drifts are over (e.g. a reduced model with numbers)
     * @param origin         where the parameters are declared
     * @param drifts         one per variable of template
     * @param indeterminates the names behind the indices after template's variables
     * @param substituted    parameters of origin whose values were substituted into the drifts
     */
    public static OdeSystem model(OdeSystem template, OdeSystem origin, List<Polynomial> drifts,
                                  List<String> indeterminates, Set<String> substituted) {
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
        List<Parameter> parameters = neededParameters(origin, used, substituted);
        Map<String, Double> values = new HashMap<>();
        for (Parameter p : parameters) {
            values.put(p.name(), p.value());
        }
        NameResolver scope = NameResolver.of(template::indexOf, values::get);
        List<Polynomial> numeric = new ArrayList<>(n);
        for (Expr src : sources) {
            numeric.add(ExprCompiler.read(src, scope)); // as the parser reads the printed source
        }
        return template.toBuilder().reactions(List.of()).reactionNetwork(false)
                .parameters(parameters).drifts(numeric).driftSources(sources).build();
    }

    /**
     * The model itself with every drift written in an ODE section expanded with the parameters it names kept as
     * names where {@code e} (its {@link #extend}) keeps them, for printing; every parameter stays declared. A
     * reaction network is returned as it is.
     */
    public static OdeSystem withParameterNames(OdeSystem m, Extended e) {
        if (m.isReactionNetwork()) {
            return m;
        }
        return model(m, m, e.system().drifts().subList(0, m.dimension()), e.indeterminates(),
                e.substituted().keySet()).toBuilder().parameters(m.parameters()).build();
    }

    /**
     * The parameters of origin in {@code used}, in origin's order, with their definitions and the parameters those
     * need where none of them is substituted or defines a substituted parameter; the others as plain values.
     */
    private static List<Parameter> neededParameters(OdeSystem origin, Set<String> used, Set<String> substituted) {
        ParameterOccurrences scan = new ParameterOccurrences(origin);
        Set<String> frozen = new HashSet<>(substituted);
        for (String q : substituted) {
            frozen.addAll(scan.ancestors(q));
        }
        Map<String, Parameter> declared = new HashMap<>();
        for (String name : used) {
            Parameter p = scan.byName.get(name);
            if (p == null) {
                continue; // a variable named in an arbitrary rate
            }
            Set<String> needs = scan.ancestors(name);
            if (needs.stream().anyMatch(frozen::contains)) {
                declared.put(name, new Parameter(name, p.value(), null));
            } else {
                declared.putIfAbsent(name, p);
                needs.forEach(a -> declared.putIfAbsent(a, scan.byName.get(a)));
            }
        }
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : origin.parameters()) {
            if (declared.containsKey(p.name())) {
                out.add(declared.get(p.name()));
            }
        }
        return out;
    }

    /**
     * The expanded expression of a polynomial over variables (indices &lt; n) and indeterminates (indices ≥ n):
     * terms ordered by their variable part, then by their parameter part, each written
     * coefficient·parameters·variables/divisors ({@code 2*kon*S10}, {@code G*v1/C}).
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
            List<Expr> factors = new ArrayList<>();
            List<Expr> divisors = new ArrayList<>();
            for (Monomial part : List.of(t.params(), t.vars())) {
                for (int j = 0; j < part.size(); j++) {
                    String name = names.get(part.var(j));
                    boolean divide = part.var(j) >= n && name.startsWith(RECIPROCAL);
                    if (divide) {
                        name = name.substring(RECIPROCAL.length());
                    }
                    if (part.var(j) >= n) {
                        used.add(name);
                    }
                    Expr factor = new Expr.Ref(name);
                    if (part.exp(j) != 1) {
                        factor = new Expr.Binary(Expr.Op.POW, factor, new Expr.Num(part.exp(j)));
                    }
                    (divide ? divisors : factors).add(factor);
                }
            }
            double abs = Math.abs(t.c());
            if (abs != 1.0 || factors.isEmpty()) {
                factors.add(0, new Expr.Num(abs));
            }
            if (t.c() < 0 && sum == null) {
                // the sign goes on the first factor, as the parser reads "-k*x" (unary minus is an atom)
                factors.set(0, new Expr.Neg(factors.get(0)));
            }
            Expr product = factors.get(0);
            for (int i = 1; i < factors.size(); i++) {
                product = new Expr.Binary(Expr.Op.MUL, product, factors.get(i));
            }
            for (Expr d : divisors) {
                product = new Expr.Binary(Expr.Op.DIV, product, d);
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
