package org.odelump.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.odelump.io.NetExpr.Call;
import org.odelump.io.NetExpr.Failure;
import org.odelump.io.NetExpr.Name;
import org.odelump.io.NetExpr.Node;
import org.odelump.io.NetScanner.Entry;
import org.odelump.io.NetScanner.ReactionTable;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Provenance;
import org.odelump.model.Reaction;
import org.odelump.model.Variable;
import org.odelump.model.View;

/**
 * Second pass: resolves the names of a scanned {@code .net} file and builds the {@link OdeSystem}. Parameters are
 * evaluated in dependency order (depth-first, cycles reported); every distinct rate text is evaluated once to a
 * polynomial in the species; reactions get the mass-action propensity rate × x^ρ; drifts are summed directly.
 */
final class NetResolver {

    /** A distinct rate text, evaluated: a constant k, or a polynomial in the species (functional rate). */
    private record Rate(boolean constant, double k, Polynomial poly, Expr source) {
    }

    private final String file;
    private final NetScanner sc;
    private final List<Diagnostic> warnings;
    private final int n;

    private final Map<String, Entry> paramEntries = new HashMap<>();
    private final Map<String, Double> paramValues = new HashMap<>();
    private final Map<String, Node> paramNodes = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();
    private final Map<String, String> renamed = new HashMap<>();
    private final UnaryOperator<String> rename = s -> renamed.getOrDefault(s, s);

    private final Map<String, Polynomial> groupPolys = new HashMap<>();
    private final Map<String, Entry> functionEntries = new HashMap<>();
    private final Map<String, Polynomial> functionPolys = new HashMap<>();
    private final Set<String> functionsInProgress = new LinkedHashSet<>();
    private Rate[] rates;

    NetResolver(String file, NetScanner sc) {
        this.file = file;
        this.sc = sc;
        this.warnings = new ArrayList<>(sc.warnings);
        this.n = sc.species.size();
    }

    List<Diagnostic> warnings() {
        return warnings;
    }

    OdeSystem resolve(String modelName, Supplier<Provenance> provenance) {
        List<Variable> variables = new ArrayList<>(n);
        Set<String> variableNames = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String v = "s" + (i + 1);
            variables.add(new Variable(v, sc.species.get(i).name()));
            variableNames.add(v);
        }
        List<Parameter> parameters = parameters(variableNames);
        double[] init = new double[n];
        List<Expr> initSources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Entry e = sc.species.get(i);
            Node node = parse(e);
            init[i] = finite(value(e, node), e, "the initial amount of species " + (i + 1));
            initSources.add(node instanceof NetExpr.Num ? null : NetExpr.toExpr(node, rename));
        }
        List<View> views = groups();
        for (Entry f : sc.functions) {
            Entry first = functionEntries.putIfAbsent(f.name(), f);
            if (first != null) {
                throw duplicate("function", f, first);
            }
        }
        boolean[] fixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            Entry e = sc.species.get(i);
            if (isFixed(e.name())) {
                fixed[i] = true;
                warnings.add(new Diagnostic(file, e.line(), e.col(e.nameAt()), Kind.WARNING, "species " + (i + 1)
                        + " '" + e.name() + "' is fixed ('$'): its reactions keep it as a catalyst, so the drift of s"
                        + (i + 1) + " is 0"));
            }
        }
        List<Reaction> reactions = NetReactions.clampFixed(reactions(), fixed);
        List<Polynomial> drifts = drifts(reactions);
        for (int i = 0; i < n; i++) {
            if (fixed[i]) {
                drifts.set(i, Polynomial.ZERO);
            }
        }
        try {
            return OdeSystem.builder(modelName).variables(variables).parameters(parameters).initialValues(init)
                    .initialSources(initSources).reactions(reactions).drifts(drifts).views(views)
                    .provenance(provenance.get()).build();
        } catch (IllegalArgumentException ex) {
            throw new NetError(0, 0, Kind.SEMANTIC, "inconsistent model: " + ex.getMessage());
        }
    }

    // ---------------------------------------------------------------- parameters

    private List<Parameter> parameters(Set<String> variableNames) {
        for (Entry e : sc.parameters) {
            Entry first = paramEntries.putIfAbsent(e.name(), e);
            if (first != null) {
                throw duplicate("parameter", e, first);
            }
        }
        for (Entry e : sc.parameters) {
            if (variableNames.contains(e.name())) {
                String to = e.name() + "_p";
                while (variableNames.contains(to) || paramEntries.containsKey(to) || renamed.containsValue(to)) {
                    to = to + "_p";
                }
                renamed.put(e.name(), to);
                warnings.add(new Diagnostic(file, e.line(), e.col(e.nameAt()), Kind.WARNING, "parameter '" + e.name()
                        + "' is renamed to '" + to + "' because species are named s1..s" + n));
            }
        }
        List<Parameter> out = new ArrayList<>(sc.parameters.size());
        for (Entry e : sc.parameters) {
            double v = paramValue(e);
            Node node = paramNodes.get(e.name());
            out.add(new Parameter(rename.apply(e.name()), v,
                    node instanceof NetExpr.Num ? null : NetExpr.toExpr(node, rename)));
        }
        return out;
    }

    private double paramValue(Entry e) {
        Double known = paramValues.get(e.name());
        if (known != null) {
            return known;
        }
        Node node = parse(e);
        paramNodes.put(e.name(), node);
        evaluating.add(e.name());
        double v = finite(value(e, node), e, "the value of parameter '" + e.name() + "'");
        evaluating.remove(e.name());
        paramValues.put(e.name(), v);
        return v;
    }

    /** Evaluates a parameter-only expression of entry {@code e}. */
    private double value(Entry e, Node node) {
        try {
            return NetEval.value(node, this::parameterRef);
        } catch (Failure f) {
            throw new NetError(e.line(), f.pos + 1, f.kind, f.getMessage());
        }
    }

    private double parameterRef(Name ref) throws Failure {
        Entry p = paramEntries.get(ref.name());
        if (p == null) {
            throw new Failure(ref.pos(), Kind.SEMANTIC, "unknown parameter '" + ref.name() + "'");
        }
        if (evaluating.contains(ref.name())) {
            List<String> path = new ArrayList<>();
            boolean on = false;
            for (String s : evaluating) {
                on |= s.equals(ref.name());
                if (on) {
                    path.add(s);
                }
            }
            path.add(ref.name());
            throw new Failure(ref.pos(), Kind.SEMANTIC, "parameter '" + ref.name() + "' depends on itself: "
                    + String.join(" -> ", path));
        }
        return paramValue(p);
    }

    // ---------------------------------------------------------------- groups

    private List<View> groups() {
        Map<String, Entry> seen = new HashMap<>();
        List<View> views = new ArrayList<>();
        for (Entry g : sc.groups) {
            Entry first = seen.putIfAbsent(g.name(), g);
            if (first != null) {
                throw duplicate("group", g, first);
            }
            String t = g.text();
            int from = g.valueFrom();
            int to = g.valueTo();
            int tokEnd = from;
            while (tokEnd < to && t.charAt(tokEnd) > ' ') {
                tokEnd++;
            }
            if (tokEnd < to) {
                int at = tokEnd;
                while (t.charAt(at) <= ' ') {
                    at++;
                }
                throw new NetError(g.line(), at + 1, Kind.SYNTAX,
                        "unexpected text after the species list of group '" + g.name() + "'");
            }
            Polynomial.Builder sum = Polynomial.builder();
            Expr expr = null;
            int i = from;
            while (i < to) {
                int itemEnd = t.indexOf(',', i);
                if (itemEnd < 0 || itemEnd > to) {
                    itemEnd = to;
                }
                int star = t.indexOf('*', i);
                double w = 1.0;
                int idxAt = i;
                if (star >= 0 && star < itemEnd) {
                    w = weight(g, i, star);
                    idxAt = star + 1;
                }
                int s = speciesIndex(g, idxAt, itemEnd);
                sum.add(Monomial.of(s), w);
                Expr term = w == 1.0 ? new Expr.Ref("s" + (s + 1))
                        : new Expr.Binary(Expr.Op.MUL, new Expr.Num(w), new Expr.Ref("s" + (s + 1)));
                expr = expr == null ? term : new Expr.Binary(Expr.Op.ADD, expr, term);
                i = itemEnd + 1;
                if (itemEnd < to && i >= to) {
                    throw new NetError(g.line(), i + 1, Kind.SYNTAX, "expected a species index after ','");
                }
            }
            groupPolys.put(g.name(), sum.build());
            views.add(new View(g.name(), expr == null ? new Expr.Num(0.0) : expr));
        }
        return views;
    }

    private double weight(Entry g, int from, int to) {
        String w = g.text().substring(from, to);
        try {
            double v = Double.parseDouble(w);
            if (Double.isFinite(v) && !w.isEmpty() && (Character.isDigit(w.charAt(0)) || w.charAt(0) == '.')) {
                return v;
            }
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw new NetError(g.line(), from + 1, Kind.SYNTAX, "expected a weight (a number) before '*' but found '"
                + w + "'");
    }

    private int speciesIndex(Entry g, int from, int to) {
        String t = g.text();
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new NetError(g.line(), i + 1, Kind.SYNTAX, "expected a species index in group '" + g.name()
                        + "' but found '" + c + "'");
            }
            v = Math.min(v * 10 + (c - '0'), Integer.MAX_VALUE + 1L);
        }
        if (from >= to) {
            throw new NetError(g.line(), from + 1, Kind.SYNTAX, "expected a species index in group '" + g.name() + "'");
        }
        if (v < 1 || v > n) {
            throw new NetError(g.line(), from + 1, Kind.SEMANTIC, "species index " + t.substring(from, to)
                    + " in group '" + g.name() + "' is out of range (species are 1.." + n + ")");
        }
        return (int) v - 1;
    }

    // ---------------------------------------------------------------- rates and reactions

    private List<Reaction> reactions() {
        ReactionTable t = sc.reactions;
        rates = new Rate[t.rateTexts.size()];
        for (int r = 0; r < t.count; r++) {
            int id = t.rateId[r];
            if (rates[id] == null) {
                rates[id] = rate(t.rateTexts.get(id), t.line[r], t.rateCol[r]);
            }
        }
        List<Reaction> out = new ArrayList<>(t.count);
        String[] labelNames = new String[t.labels.size()];
        for (int r = 0; r < t.count; r++) {
            Monomial reagents = t.monomials.get(t.reagentId[r]);
            Monomial products = t.monomials.get(t.productId[r]);
            Rate rate = rates[t.rateId[r]];
            Polynomial propensity;
            try {
                propensity = rate.constant ? Polynomial.term(rate.k, reagents)
                        : rate.poly.times(Polynomial.term(1.0, reagents));
            } catch (IllegalArgumentException ex) {
                throw new NetError(t.line[r], t.rateCol[r], Kind.SEMANTIC, "the propensity overflows: "
                        + ex.getMessage());
            }
            String label = null;
            if (t.labelId[r] >= 0) {
                label = labelNames[t.labelId[r]];
                if (label == null) {
                    label = NetReactions.identifier(t.labels.get(t.labelId[r]));
                    labelNames[t.labelId[r]] = label;
                }
            }
            out.add(new Reaction(label, reagents, products, propensity, rate.constant, rate.source));
        }
        return out;
    }

    /** Evaluates one distinct rate text, reporting errors at its first use ({@code line}, {@code col}). */
    private Rate rate(String text, int line, int col) {
        Node node;
        try {
            node = NetExpr.parse(text, 0, text.length());
        } catch (Failure f) {
            throw new NetError(line, col + f.pos, f.kind, f.getMessage() + " in the rate '" + text + "'");
        }
        Polynomial p;
        try {
            p = NetEval.poly(node, new RateScope());
        } catch (Failure f) {
            String msg = switch (f.kind) {
                case NOT_POLYNOMIAL -> "the rate '" + text + "' is not a polynomial in the species: " + f.getMessage();
                case UNSUPPORTED -> "the rate '" + text + "' is not supported: " + f.getMessage();
                default -> f.getMessage();
            };
            throw new NetError(line, col + f.pos, f.kind, msg);
        }
        if (p.isConstant()) {
            return new Rate(true, NetEval.constantOf(p), null, NetExpr.toExpr(node, rename));
        }
        return new Rate(false, 0.0, p, null);
    }

    /** Names in a rate: parameters (constants), groups (weighted sums of species), functions (their bodies). */
    private final class RateScope implements NetEval.PolyScope {
        @Override
        public Polynomial value(Name name) throws Failure {
            String s = name.name();
            Double v = paramValues.get(s);
            if (v != null) {
                return Polynomial.constant(v);
            }
            Polynomial g = groupPolys.get(s);
            if (g != null) {
                return g;
            }
            Entry f = functionEntries.get(s);
            if (f != null) {
                return function(f, name.pos(), this);
            }
            throw new Failure(name.pos(), Kind.SEMANTIC, "unknown name '" + s
                    + "' (not a parameter, a group or a function)");
        }

        @Override
        public Polynomial call(Call call) throws Failure {
            Entry f = functionEntries.get(call.name());
            if (f == null) {
                return null;
            }
            if (!call.args().isEmpty()) {
                throw new Failure(call.pos(), Kind.UNSUPPORTED, "function '" + call.name()
                        + "' is called with arguments (local functions are not supported)");
            }
            return function(f, call.pos(), this);
        }
    }

    /** The body of function {@code f} as a polynomial; {@code usePos} locates the use in the caller's text. */
    private Polynomial function(Entry f, int usePos, RateScope scope) throws Failure {
        Polynomial known = functionPolys.get(f.name());
        if (known != null) {
            return known;
        }
        String where = "in function '" + f.name() + "' (line " + f.line() + "): ";
        if (!f.args().isEmpty()) {
            throw new Failure(usePos, Kind.UNSUPPORTED, where + "local function arguments ("
                    + String.join(", ", f.args()) + ") are not supported");
        }
        if (!functionsInProgress.add(f.name())) {
            throw new Failure(usePos, Kind.SEMANTIC, "function '" + f.name() + "' depends on itself: "
                    + String.join(" -> ", functionsInProgress) + " -> " + f.name());
        }
        Node body = parse(f);
        Polynomial p;
        try {
            p = NetEval.poly(body, scope);
        } catch (Failure inner) {
            if (inner.kind == Kind.NOT_POLYNOMIAL || inner.kind == Kind.UNSUPPORTED) {
                throw new Failure(usePos, inner.kind, where + inner.getMessage());
            }
            throw new NetError(f.line(), inner.pos + 1, inner.kind, inner.getMessage());
        }
        functionsInProgress.remove(f.name());
        functionPolys.put(f.name(), p);
        return p;
    }

    // ---------------------------------------------------------------- drifts

    /**
     * Σ_r propensity_r · (π_r(s) − ρ_r(s)) per species, equal to {@link OdeSystem.Builder#driftsOf} up to the
     * summation order of functional rates. Mass-action contributions (species, interned reagent multiset, k·net)
     * are bucketed by species and sorted by multiset id, so each drift term is summed in reaction order and
     * handed to the polynomial builder once; this replaces a hash set per reaction and a hash lookup per
     * contribution.
     */
    private List<Polynomial> drifts(List<Reaction> reactions) {
        ReactionTable t = sc.reactions;
        int cap = Math.max(16, 3 * t.count);
        int[] cs = new int[cap];
        int[] cm = new int[cap];
        double[] cc = new double[cap];
        int c = 0;
        List<int[]> functional = new ArrayList<>();
        int[] perSpecies = new int[n + 1];
        for (int r = 0; r < t.count; r++) {
            Monomial a = t.monomials.get(t.reagentId[r]);
            Monomial b = t.monomials.get(t.productId[r]);
            Rate rate = rates[t.rateId[r]];
            int i = 0;
            int j = 0;
            while (i < a.size() || j < b.size()) {
                int s;
                int net;
                if (j == b.size() || (i < a.size() && a.var(i) < b.var(j))) {
                    s = a.var(i);
                    net = -a.exp(i++);
                } else if (i == a.size() || b.var(j) < a.var(i)) {
                    s = b.var(j);
                    net = b.exp(j++);
                } else {
                    s = a.var(i);
                    net = b.exp(j++) - a.exp(i++);
                }
                if (net == 0) {
                    continue;
                }
                if (!rate.constant) {
                    functional.add(new int[] {s, r, net});
                    continue;
                }
                if (c == cs.length) {
                    cs = Arrays.copyOf(cs, 2 * c);
                    cm = Arrays.copyOf(cm, 2 * c);
                    cc = Arrays.copyOf(cc, 2 * c);
                }
                cs[c] = s;
                cm[c] = t.reagentId[r];
                cc[c] = rate.k * net;
                perSpecies[s + 1]++;
                c++;
            }
        }
        for (int s = 0; s < n; s++) {
            perSpecies[s + 1] += perSpecies[s];
        }
        long[] keys = new long[c];
        double[] coef = new double[c];
        int[] fill = Arrays.copyOf(perSpecies, n);
        for (int k = 0; k < c; k++) {
            int at = fill[cs[k]]++;
            keys[at] = ((long) cm[k] << 32) | (at - perSpecies[cs[k]]);
            coef[at] = cc[k];
        }
        List<List<int[]>> functionalBySpecies = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            functionalBySpecies.add(null);
        }
        for (int[] f : functional) {
            if (functionalBySpecies.get(f[0]) == null) {
                functionalBySpecies.set(f[0], new ArrayList<>());
            }
            functionalBySpecies.get(f[0]).add(f);
        }
        List<Polynomial> out = new ArrayList<>(n);
        try {
            for (int s = 0; s < n; s++) {
                out.add(drift(keys, coef, perSpecies[s], perSpecies[s + 1], t, functionalBySpecies.get(s),
                        reactions));
            }
        } catch (IllegalArgumentException ex) {
            throw new NetError(0, 0, Kind.SEMANTIC, "a drift overflows: " + ex.getMessage());
        }
        return out;
    }

    private static Polynomial drift(long[] keys, double[] coef, int from, int to, ReactionTable t,
                                    List<int[]> functional, List<Reaction> reactions) {
        // keys hold (multiset id, position in bucket); sort by both, then read coefficients by position
        Arrays.sort(keys, from, to);
        Polynomial.Builder b = null;
        Monomial single = null;
        double singleCoef = 0.0;
        int k = from;
        while (k < to) {
            int mono = (int) (keys[k] >>> 32);
            double sum = 0.0;
            while (k < to && (int) (keys[k] >>> 32) == mono) {
                sum += coef[from + (int) keys[k]];
                k++;
            }
            if (sum == 0.0) {
                continue;
            }
            Monomial m = t.monomials.get(mono);
            if (single == null && b == null) {
                single = m;
                singleCoef = sum;
            } else {
                if (b == null) {
                    b = Polynomial.builder().add(single, singleCoef);
                }
                b.add(m, sum);
            }
        }
        if (functional != null) {
            if (b == null) {
                b = Polynomial.builder();
                if (single != null) {
                    b.add(single, singleCoef);
                }
            }
            for (int[] f : functional) {
                b.add(reactions.get(f[1]).propensity(), f[2]);
            }
        }
        if (b != null) {
            return b.build();
        }
        return single == null ? Polynomial.ZERO : Polynomial.term(singleCoef, single);
    }

    // ---------------------------------------------------------------- helpers

    /** BioNetGen marks a clamped species with {@code $}, before or after its compartment prefix {@code @C::}. */
    static boolean isFixed(String pattern) {
        return pattern.startsWith("$") || (pattern.startsWith("@") && pattern.contains("::$"));
    }

    private static Node parse(Entry e) {
        try {
            return NetExpr.parse(e.text(), e.valueFrom(), e.valueTo());
        } catch (Failure f) {
            throw new NetError(e.line(), f.pos + 1, f.kind, f.getMessage());
        }
    }

    private static double finite(double v, Entry e, String what) {
        if (!Double.isFinite(v)) {
            throw new NetError(e.line(), e.valueFrom() + 1, Kind.SEMANTIC, what + " is not finite");
        }
        return v;
    }

    private static NetError duplicate(String what, Entry again, Entry first) {
        return new NetError(again.line(), again.col(again.nameAt()), Kind.SEMANTIC, what + " '" + again.name()
                + "' is defined twice (first at line " + first.line() + ")");
    }
}
