package org.odelump.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.odelump.model.Expr;
import org.odelump.model.ExprPolynomials;
import org.odelump.model.Monomial;
import org.odelump.model.Numbers;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;
import org.odelump.model.View;

/**
 * Writes a model as a BioNetGen {@code .net} network (blocks {@code parameters}, {@code species},
 * {@code reactions}, {@code groups}) that {@link BngNetReader} reads back with the same drifts.
 *
 * <ul>
 *   <li>Species k is the model's k-th variable; its pattern is the variable's display name when that is one
 *       word (a BioNetGen pattern read from a {@code .net} file), else {@code name()}. A species whose drift is
 *       fixed at zero while reactions would change it is written clamped ({@code $} prefix).</li>
 *   <li>A mass-action network is written reaction by reaction, the rate as its expression (parameters stay
 *       named) or its value. Any other model is written as its canonical mass-action realisation: every drift term
 *       c·x^α of d(x_i) becomes α → α + e_i at rate c when c &gt; 0, α → α − e_i at rate −c when c &lt; 0; this
 *       needs x_i in α for every negative term (Hárs and Tóth, "On the inverse problem of reaction kinetics",
 *       1981, characterise such kinetic polynomial systems), and a drift with a negative term without its own
 *       variable is refused.</li>
 *   <li>A view that is a sum of species with positive weights becomes a group; any other view is refused.</li>
 *   <li>With parameter names ({@link #write(OdeSystem, boolean)}), for reduced models written with their
 *       parameters: a parameter defined by others is written with its definition, and a model given as ODEs whose
 *       drifts have sources is realised term by term from them, each term a number times a product of parameters
 *       (and divisions by them) times a monomial, written as that rate expression; a term of another form is
 *       refused.</li>
 * </ul>
 * Refusals are {@link ExportException}s naming the construct. Cost linear in the model's size.
 */
public final class NetWriter {

    private NetWriter() {
    }

    /** The model as {@code .net} text, rates and parameters as numbers where the model is given as ODEs. */
    public static String write(OdeSystem m) throws ExportException {
        return write(m, false);
    }

    /**
     * The model as {@code .net} text; with {@code parameterNames} parameter definitions are kept and the drift
     * sources of a model given as ODEs are written with their parameter names.
     */
    public static String write(OdeSystem m, boolean parameterNames) throws ExportException {
        List<String> names = m.variableNames();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(m.name()).append(", written by odelump from ").append(m.provenance().source())
                .append('\n');
        sb.append("begin parameters\n");
        int k = 0;
        Map<String, Double> declared = parameterValues(m);
        for (Parameter p : m.parameters()) {
            boolean defined = parameterNames && p.source() != null && namesParameter(p.source(), declared);
            String definition = defined ? text(p.source()) : null;
            if (defined && definition == null) {
                throw new ExportException("parameter " + p.name() + " is defined with a function, which the "
                        + "parameters block of a .net file cannot hold");
            }
            sb.append(String.format("%5d %s %s%n", ++k, p.name(),
                    definition != null ? definition : Numbers.format(p.value())));
        }
        sb.append("end parameters\n");
        boolean asReactions = m.isReactionNetwork() && m.reactions().stream().allMatch(Reaction::massAction);
        List<Polynomial> reactionDrifts = asReactions ? OdeSystem.Builder.driftsOf(m.dimension(), m.reactions()) : null;
        if (asReactions) {
            for (int i = 0; i < m.dimension() && asReactions; i++) {
                asReactions = m.drift(i).isZero() || m.drift(i).equals(reactionDrifts.get(i));
            }
        }
        sb.append("begin species\n");
        for (int i = 0; i < m.dimension(); i++) {
            String display = m.variables().get(i).displayName();
            String pattern = display != null && !display.isEmpty() && display.chars().noneMatch(c -> c <= ' ' || c == '#')
                    ? display : names.get(i) + "()";
            boolean clamped = asReactions && m.drift(i).isZero() && !reactionDrifts.get(i).isZero();
            if (clamped && !pattern.startsWith("$")) {
                pattern = "$" + pattern;
            } else if (!clamped && pattern.startsWith("$")) {
                pattern = pattern.substring(1);
            }
            sb.append(String.format("%5d %s %s%n", i + 1, pattern, Numbers.format(m.initialValue(i))));
        }
        sb.append("end species\n");
        sb.append("begin reactions\n");
        k = 0;
        if (asReactions) {
            Map<String, Double> values = parameterValues(m);
            for (Reaction r : m.reactions()) {
                Expr source = rateSource(r, values);
                String rate = source != null ? text(source) : null;
                boolean named = r.rateSource() != null && namesParameter(r.rateSource(), values);
                if (parameterNames && rate == null && named) {
                    throw new ExportException("reaction " + (k + 1) + (r.label() == null ? "" : " (" + r.label()
                            + ")") + " has a rate expression that names parameters but is no .net rate (a function "
                            + "call, or not the reaction's rate constant)");
                }
                sb.append(reaction(++k, r.reagents(), r.products(),
                        rate != null ? rate : Numbers.format(r.rateConstant()), r.label()));
            }
        } else {
            Map<String, Double> values = parameterValues(m);
            for (int i = 0; i < m.dimension(); i++) {
                Expr source = parameterNames ? m.driftSources().get(i) : null;
                if (source != null) {
                    for (Term t : terms(source, i, m, values)) {
                        sb.append(reaction(++k, t.reagents(), t.products(), text(t.rate()), null));
                    }
                    continue;
                }
                Polynomial f = m.drift(i);
                for (int t = 0; t < f.size(); t++) {
                    Monomial a = f.monomial(t);
                    double c = f.coefficient(t);
                    Monomial products;
                    if (c > 0) {
                        products = a.times(Monomial.of(i));
                    } else if (a.exponentOf(i) > 0) {
                        products = lower(a, i);
                    } else {
                        throw new ExportException("d(" + names.get(i) + ") has the negative term "
                                + Polynomial.term(c, a).format(names) + " without " + names.get(i)
                                + ", which no mass-action reaction gives (BioNetGen networks are mass action)");
                    }
                    sb.append(reaction(++k, a, products, Numbers.format(Math.abs(c)), null));
                }
            }
        }
        sb.append("end reactions\n");
        sb.append("begin groups\n");
        k = 0;
        Map<String, Double> parameters = parameterValues(m);
        for (View v : m.views()) {
            sb.append(String.format("%5d %s %s%n", ++k, v.name(), group(v, m, parameters)));
        }
        sb.append("end groups\n");
        return sb.toString();
    }

    /** One mass-action reaction of the realisation from a drift source. */
    private record Term(Monomial reagents, Monomial products, Expr rate) {
    }

    /**
     * The reactions of d(x_i) = source: each signed term s·c·P·x^α (c a number, P a product of parameters and
     * divisions by them) becomes α → α ± e_i at rate c·P. A term of another form, a negative term without x_i
     * and a rate below zero at the parameters' values are refused, naming the term.
     */
    private static List<Term> terms(Expr source, int i, OdeSystem m, Map<String, Double> values)
            throws ExportException {
        String x = m.variableNames().get(i);
        List<Expr> signed = new ArrayList<>();
        List<Boolean> negative = new ArrayList<>();
        Expr cur = source;
        while (cur instanceof Expr.Binary b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
            signed.add(b.right());
            negative.add(b.op() == Expr.Op.SUB);
            cur = b.left();
        }
        signed.add(cur);
        negative.add(false);
        List<Term> out = new ArrayList<>();
        for (int t = signed.size() - 1; t >= 0; t--) {
            Expr term = signed.get(t);
            boolean minus = negative.get(t);
            double c = 1.0;
            Map<Integer, Integer> powers = new java.util.TreeMap<>();
            List<Expr> multiplied = new ArrayList<>();
            List<Expr> divided = new ArrayList<>();
            List<Expr> todo = new ArrayList<>(List.of(term));
            List<Boolean> divide = new ArrayList<>(List.of(false));
            while (!todo.isEmpty()) {
                Expr f = todo.remove(todo.size() - 1);
                boolean div = divide.remove(divide.size() - 1);
                if (f instanceof Expr.Neg n) {
                    minus = !minus;
                    todo.add(n.operand());
                    divide.add(div);
                } else if (f instanceof Expr.Binary b && (b.op() == Expr.Op.MUL || b.op() == Expr.Op.DIV)) {
                    todo.add(b.left());
                    divide.add(div);
                    todo.add(b.right());
                    divide.add(div ^ b.op() == Expr.Op.DIV);
                } else if (f instanceof Expr.Num num && !div) {
                    c *= num.value();
                } else if (species(f, m) >= 0 && !div) {
                    int v = species(f, m);
                    powers.merge(v, exponent(f), Integer::sum);
                } else if (species(f, m) == -1 && isParameterFactor(f, values)) {
                    (div ? divided : multiplied).add(f);
                } else {
                    throw new ExportException("d(" + x + ") has the term " + shown(term) + ", which is no number "
                            + "times a product of parameters and species (the form of a .net rate and its reactants)");
                }
            }
            if (c == 0) {
                continue; // a zero drift, or a zero term: no reaction, as in the numeric realisation
            }
            if (c < 0) {
                c = -c;
                minus = !minus;
            }
            Expr rate = multiplied.isEmpty() || c != 1.0 ? new Expr.Num(c) : null;
            for (Expr f : multiplied) {
                rate = rate == null ? f : new Expr.Binary(Expr.Op.MUL, rate, f);
            }
            for (Expr f : divided) {
                rate = new Expr.Binary(Expr.Op.DIV, rate, f);
            }
            int[] vs = new int[powers.size()];
            int[] es = new int[powers.size()];
            int j = 0;
            for (Map.Entry<Integer, Integer> e : powers.entrySet()) {
                vs[j] = e.getKey();
                es[j++] = e.getValue();
            }
            Monomial a = Monomial.of(vs, es);
            Polynomial value = ExprPolynomials.toPolynomial(rate, name -> -1, values);
            if (!value.isZero() && value.coefficient(0) < 0) {
                throw new ExportException("d(" + x + ") has the term " + shown(term) + " whose rate " + text(rate)
                        + " is negative at the parameters' values (a .net rate is not)");
            }
            if (minus && a.exponentOf(i) == 0) {
                throw new ExportException("d(" + x + ") has the negative term " + shown(term) + " without " + x
                        + ", which no mass-action reaction gives (BioNetGen networks are mass action)");
            }
            out.add(new Term(a, minus ? lower(a, i) : a.times(Monomial.of(i)), rate));
        }
        return out;
    }

    /** The species index of x or x^n (n a positive integer), -1 for a name that is no species, -2 otherwise. */
    private static int species(Expr f, OdeSystem m) {
        Expr base = f instanceof Expr.Binary b && b.op() == Expr.Op.POW && exponent(f) > 0 ? b.left() : f;
        return base instanceof Expr.Ref r ? m.indexOf(r.name()) : -2;
    }

    private static int exponent(Expr f) {
        if (f instanceof Expr.Binary b && b.op() == Expr.Op.POW) {
            return b.right() instanceof Expr.Num n && n.value() == Math.rint(n.value()) && n.value() >= 1
                    && n.value() < 64 ? (int) n.value() : -1;
        }
        return 1;
    }

    /** A parameter, or a parameter to a whole-number power. */
    private static boolean isParameterFactor(Expr f, Map<String, Double> values) {
        Expr base = f instanceof Expr.Binary b && b.op() == Expr.Op.POW && exponent(f) > 0 ? b.left() : f;
        return base instanceof Expr.Ref r && values.containsKey(r.name());
    }

    /** An expression in a message: its .net text, or what keeps it from having one. */
    private static String shown(Expr e) {
        String t = text(e);
        if (t == null) {
            return "with a function call";
        }
        // text() parenthesises every operation, the whole one included
        return e instanceof Expr.Num || e instanceof Expr.Ref ? t : t.substring(1, t.length() - 1);
    }

    /** True when {@code e} names a parameter (one of {@code values}' keys). */
    static boolean namesParameter(Expr e, Map<String, Double> values) {
        if (e instanceof Expr.Ref r) {
            return values.containsKey(r.name());
        } else if (e instanceof Expr.Neg n) {
            return namesParameter(n.operand(), values);
        } else if (e instanceof Expr.Binary b) {
            return namesParameter(b.left(), values) || namesParameter(b.right(), values);
        } else if (e instanceof Expr.Call c) {
            return c.args().stream().anyMatch(a -> namesParameter(a, values));
        }
        return false;
    }

    static Map<String, Double> parameterValues(OdeSystem m) {
        Map<String, Double> out = new HashMap<>();
        for (Parameter p : m.parameters()) {
            out.put(p.name(), p.value());
        }
        return out;
    }

    /**
     * The rate expression of a mass-action reaction when it names only parameters and evaluates to the rate
     * constant (relative 1e-12), else null: the number is written instead.
     */
    static Expr rateSource(Reaction r, Map<String, Double> parameters) {
        if (r.rateSource() == null) {
            return null;
        }
        try {
            Polynomial p = ExprPolynomials.toPolynomial(r.rateSource(), name -> -1, parameters);
            double v = p.isZero() ? 0.0 : p.coefficient(0);
            double k = r.rateConstant();
            return Math.abs(v - k) <= 1e-12 * Math.abs(k) ? r.rateSource() : null;
        } catch (ExprPolynomials.NotPolynomialException e) {
            return null;
        }
    }

    private static String reaction(int k, Monomial reagents, Monomial products, String rate, String label) {
        return String.format("%5d %s %s %s%s%n", k, indices(reagents), indices(products), rate,
                label == null ? "" : " #" + label);
    }

    private static String indices(Monomial c) {
        if (c.isConstant()) {
            return "0";
        }
        List<String> out = new ArrayList<>();
        for (int v : c.toMultiset()) {
            out.add(Integer.toString(v + 1));
        }
        return String.join(",", out);
    }

    private static Monomial lower(Monomial a, int var) {
        int[] vs = new int[a.size()];
        int[] es = new int[a.size()];
        for (int j = 0; j < a.size(); j++) {
            vs[j] = a.var(j);
            es[j] = a.var(j) == var ? a.exp(j) - 1 : a.exp(j);
        }
        return Monomial.of(vs, es);
    }

    private static String group(View v, OdeSystem m, Map<String, Double> parameters) throws ExportException {
        Polynomial p;
        try {
            p = ExprPolynomials.toPolynomial(v.expression(), m::indexOf, parameters);
        } catch (ExprPolynomials.NotPolynomialException e) {
            throw new ExportException("view " + v.name() + " cannot be a BioNetGen group: " + e.getMessage());
        }
        List<String> items = new ArrayList<>();
        for (int t = 0; t < p.size(); t++) {
            Monomial mono = p.monomial(t);
            double w = p.coefficient(t);
            if (mono.degree() != 1 || !(w > 0)) {
                throw new ExportException("view " + v.name() + " cannot be a BioNetGen group: groups are "
                        + "sums of species with positive weights");
            }
            String idx = Integer.toString(mono.var(0) + 1);
            items.add(w == 1.0 ? idx : Numbers.format(w) + "*" + idx);
        }
        if (items.isEmpty()) {
            throw new ExportException("view " + v.name() + " cannot be a BioNetGen group: it names no species");
        }
        return String.join(",", items);
    }

    /** An expression as BioNetGen rate text without spaces, fully parenthesised; null when it calls a function. */
    private static String text(Expr e) {
        if (e instanceof Expr.Num n) {
            return Numbers.format(n.value());
        }
        if (e instanceof Expr.Ref r) {
            return r.name();
        }
        if (e instanceof Expr.Neg n) {
            String o = text(n.operand());
            return o == null ? null : "(-" + o + ")";
        }
        if (e instanceof Expr.Binary b) {
            String l = text(b.left());
            String r = text(b.right());
            return l == null || r == null ? null : "(" + l + b.op().symbol() + r + ")";
        }
        return null;
    }
}
