package org.odelump.lumping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.odelump.model.Expr;
import org.odelump.model.ExprPolynomials;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;

/**
 * The reduced reaction network of a mass-action network lumped by FE or BE, so that a reduced network is written as
 * reactions (as ERODE does) rather than only as ODEs. With ρ̂(B) = Σ_{i∈B} ρ(i) the reagents of a reaction
 * projected on the blocks:
 * <ul>
 *   <li>FE: reaction ρ → π with rate k becomes ρ̂ → π̂ with rate k / Π_i |B(i)|^{ρ(i)}. Its contribution to
 *       d y_B is k·Π_i (y_{B(i)}/|B(i)|)^{ρ(i)}·(π̂(B) − ρ̂(B)), which is the reaction's contribution to
 *       Σ_{i∈B} f_i at the uniform split x_i = y_{B(i)}/|B(i)|: the FE quotient drift.</li>
 *   <li>BE: reaction ρ → π with rate k becomes ρ̂ → ρ̂ + Δ with Δ(B) = π(rep B) − ρ(rep B) and rate k; its
 *       contribution to d y_B is k·y^ρ̂·Δ(B), the reaction's contribution to f_rep(B) with x_i := y_{B(i)}: the
 *       BE quotient drift. The products are non-negative because ρ̂(B) ≥ ρ(rep B).</li>
 * </ul>
 * Reduced reactions with equal reagents and products are merged (rates added); reactions that change nothing are
 * dropped. Rate expressions are kept (divided by the FE factor, summed when merged), so parameters stay named in
 * the reduced network; an expression is dropped (the number stays) when it does not evaluate to the rate. The drifts
 * of the result equal the quotient drifts by construction (Cardelli, Tribastone, Tschaikowski, Vandin: "Forward and
 * backward bisimulations for chemical reaction networks", CONCUR 2015, reduce networks in this spirit; the
 * formulas above follow from the FE/BE quotient definitions). Cost O(Σ reaction size · log).
 */
public final class ReducedReactions {

    private final OdeSystem origin;
    private final Method method;
    private final Partition partition;
    private final Tolerance tolerance;

    /**
     * @param origin    a reaction network
     * @param method    FE or BE
     * @param partition the partition of the origin's variables; reduced variable b is block b
     * @param tolerance when a merged rate counts as zero
     */
    public ReducedReactions(OdeSystem origin, Method method, Partition partition, Tolerance tolerance) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.method = Objects.requireNonNull(method, "method");
        this.partition = Objects.requireNonNull(partition, "partition");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /**
     * True when the origin is a network of mass-action reactions only whose reactions give its drifts, the case
     * this class reduces (a species clamped to drift 0, BioNetGen's {@code $}, is not such a network).
     */
    public static boolean applies(OdeSystem origin) {
        if (!origin.isReactionNetwork()) {
            return false;
        }
        // the drifts of a network are derived from its reactions when it is built, except where a reader clamps a
        // species to drift 0: look for those instead of deriving every drift again (O(Σ reaction size))
        boolean[] changed = new boolean[origin.dimension()];
        for (Reaction r : origin.reactions()) {
            if (!r.massAction()) {
                return false;
            }
            for (int v : touched(r)) {
                changed[v] |= r.netStoichiometry(v) != 0;
            }
        }
        for (int v = 0; v < changed.length; v++) {
            if (changed[v] && origin.drift(v).isZero()) {
                return false;
            }
        }
        return true;
    }

    /** The reduced reactions, over the reduced variables (block indices); only where {@link #applies}. */
    public List<Reaction> compute() {
        Map<String, Double> parameters = new HashMap<>();
        for (Parameter p : origin.parameters()) {
            parameters.put(p.name(), p.value());
        }
        Map<List<Monomial>, Merged> merged = new LinkedHashMap<>();
        for (Reaction r : origin.reactions()) {
            Monomial reagents = project(r.reagents());
            Monomial products;
            double factor = 1.0;
            if (method == Method.FE) {
                products = project(r.products());
                for (int j = 0; j < r.reagents().size(); j++) {
                    factor *= Math.pow(partition.blockSize(partition.blockOf(r.reagents().var(j))), r.reagents().exp(j));
                }
            } else {
                products = reagents;
                for (int v : touched(r)) {
                    int b = partition.blockOf(v);
                    int delta = partition.representative(b) == v ? r.netStoichiometry(v) : 0;
                    if (delta != 0) {
                        products = delta > 0 ? products.times(Monomial.of(b, delta)) : divide(products, b, -delta);
                    }
                }
            }
            if (reagents.equals(products)) {
                continue;
            }
            merged.computeIfAbsent(List.of(reagents, products), key -> new Merged(r.label()))
                    .add(r.rateConstant() / factor, r.rateSource(), 1.0 / factor);
        }
        List<Reaction> out = new ArrayList<>(merged.size());
        for (Map.Entry<List<Monomial>, Merged> e : merged.entrySet()) {
            Merged m = e.getValue();
            if (tolerance.isZeroSum(m.rate, m.absRate)) {
                continue;
            }
            Monomial reagents = e.getKey().get(0);
            Expr source = m.sourceComplete ? m.source() : null;
            double value = source == null ? Double.NaN
                    : m.count == 1 && m.firstWeight == 1.0 ? m.rate // the original rate and its own expression
                    : value(source, parameters);
            // the rate is the expression's value, so that printers recognise the expression as the rate
            boolean named = tolerance.equal(value, m.rate);
            out.add(new Reaction(m.count == 1 ? m.label : null, reagents, e.getKey().get(1),
                    Polynomial.term(named ? value : m.rate, reagents), true, named ? source : null));
        }
        return out;
    }

    /** The value of a rate expression, NaN when it is not a constant of the parameters. */
    private static double value(Expr source, Map<String, Double> parameters) {
        try {
            Polynomial p = ExprPolynomials.toPolynomial(source, name -> -1, parameters);
            return !p.isConstant() ? Double.NaN : p.isZero() ? 0.0 : p.coefficient(0);
        } catch (ExprPolynomials.NotPolynomialException e) {
            return Double.NaN;
        }
    }

    /** The distinct variables among a reaction's reagents and products. */
    private static int[] touched(Reaction r) {
        Monomial in = r.reagents();
        Monomial out = r.products();
        int[] vs = new int[in.size() + out.size()];
        int n = 0;
        for (int j = 0; j < in.size(); j++) {
            vs[n++] = in.var(j);
        }
        for (int j = 0; j < out.size(); j++) {
            if (in.exponentOf(out.var(j)) == 0) {
                vs[n++] = out.var(j);
            }
        }
        return n == vs.length ? vs : Arrays.copyOf(vs, n);
    }

    private Monomial project(Monomial m) {
        return project(m, partition);
    }

    /** m with every variable replaced by its block: Π x_i^{e_i} becomes Π y_{B(i)}^{e_i}. */
    static Monomial project(Monomial m, Partition partition) {
        if (m.isConstant()) {
            return Monomial.ONE;
        }
        int[] blocks = new int[m.degree()];
        int k = 0;
        for (int j = 0; j < m.size(); j++) {
            int b = partition.blockOf(m.var(j));
            for (int e = 0; e < m.exp(j); e++) {
                blocks[k++] = b;
            }
        }
        return Monomial.ofMultiset(blocks);
    }

    /** m with the exponent of variable b lowered by e (never below 0, see the class comment). */
    private static Monomial divide(Monomial m, int b, int e) {
        int[] vs = new int[m.size()];
        int[] es = new int[m.size()];
        for (int j = 0; j < m.size(); j++) {
            vs[j] = m.var(j);
            es[j] = m.var(j) == b ? m.exp(j) - e : m.exp(j);
            if (es[j] < 0) {
                throw new IllegalStateException("negative product stoichiometry");
            }
        }
        return Monomial.of(vs, es);
    }

    /**
     * Rates of reduced reactions with the same reagents and products; the expression is kept as weights of the
     * distinct original rate expressions, so that {@code kon/2 + kon/2} is written {@code kon}.
     */
    private static final class Merged {
        final String label;
        int count;
        double rate;
        double absRate;
        Expr firstSource;
        double firstWeight;
        Map<Expr, Double> weights; // only once a second expression arrives: most reduced reactions have one
        boolean sourceComplete = true;

        Merged(String label) {
            this.label = label;
        }

        void add(double r, Expr s, double weight) {
            count++;
            rate += r;
            absRate += Math.abs(r);
            if (s == null) {
                sourceComplete = false;
            } else if (firstSource == null) {
                firstSource = s;
                firstWeight = weight;
            } else if (weights == null && s.equals(firstSource)) {
                firstWeight += weight;
            } else {
                if (weights == null) {
                    weights = new LinkedHashMap<>();
                    weights.put(firstSource, firstWeight);
                }
                weights.merge(s, weight, Double::sum);
            }
        }

        /** Sums of fractions such as 1/3 + 1/3 + 1/3 land next to an integer: take the integer. */
        private static double snap(double v) {
            double r = Math.rint(v);
            return Math.abs(v - r) <= 1e-12 * Math.max(1.0, Math.abs(v)) ? r : v;
        }

        Expr source() {
            Expr sum = null;
            for (Map.Entry<Expr, Double> e : weights != null ? weights.entrySet()
                    : Map.of(firstSource, firstWeight).entrySet()) {
                double w = snap(e.getValue());
                double inverse = snap(1.0 / w);
                Expr term = w == 1.0 ? e.getKey()
                        : inverse == Math.rint(inverse) ? new Expr.Binary(Expr.Op.DIV, e.getKey(), new Expr.Num(inverse))
                        : new Expr.Binary(Expr.Op.MUL, new Expr.Num(w), e.getKey());
                sum = sum == null ? term : new Expr.Binary(Expr.Op.ADD, sum, term);
            }
            return sum;
        }
    }
}
