package org.odelump.lumping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
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
        return origin.isReactionNetwork() && origin.reactions().stream().allMatch(Reaction::massAction)
                && OdeSystem.Builder.driftsOf(origin.dimension(), origin.reactions()).equals(origin.drifts());
    }

    /** The reduced reactions, over the reduced variables (block indices). */
    public List<Reaction> compute() {
        if (!applies(origin)) {
            throw new IllegalStateException(origin.name() + " is not a mass-action reaction network");
        }
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
            double rate = r.rateConstant() / factor;
            Expr source = r.rateSource() == null ? null
                    : factor == 1.0 ? r.rateSource()
                    : new Expr.Binary(Expr.Op.DIV, r.rateSource(), new Expr.Num(factor));
            merged.computeIfAbsent(List.of(reagents, products), key -> new Merged(r.label())).add(rate, source);
        }
        List<Reaction> out = new ArrayList<>(merged.size());
        for (Map.Entry<List<Monomial>, Merged> e : merged.entrySet()) {
            Merged m = e.getValue();
            if (tolerance.isZeroSum(m.rate, m.absRate)) {
                continue;
            }
            Monomial reagents = e.getKey().get(0);
            Expr source = m.sourceComplete ? checked(m.source, m.rate, parameters) : null;
            out.add(new Reaction(m.count == 1 ? m.label : null, reagents, e.getKey().get(1),
                    Polynomial.term(m.rate, reagents), true, source));
        }
        return out;
    }

    /** The source when it evaluates to the rate (within the tolerance), else null. */
    private Expr checked(Expr source, double rate, Map<String, Double> parameters) {
        try {
            Polynomial p = ExprPolynomials.toPolynomial(source, name -> -1, parameters);
            double v = p.isZero() ? 0.0 : p.coefficient(0);
            return p.isConstant() && tolerance.equal(v, rate) ? source : null;
        } catch (ExprPolynomials.NotPolynomialException e) {
            return null;
        }
    }

    /** The distinct variables among a reaction's reagents and products. */
    private static SortedSet<Integer> touched(Reaction r) {
        SortedSet<Integer> vs = new TreeSet<>();
        for (int j = 0; j < r.reagents().size(); j++) {
            vs.add(r.reagents().var(j));
        }
        for (int j = 0; j < r.products().size(); j++) {
            vs.add(r.products().var(j));
        }
        return vs;
    }

    private Monomial project(Monomial m) {
        int[] vs = new int[m.size()];
        int[] es = new int[m.size()];
        for (int j = 0; j < m.size(); j++) {
            vs[j] = partition.blockOf(m.var(j));
            es[j] = m.exp(j);
        }
        return Monomial.of(vs, es);
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

    /** Rates of reduced reactions with the same reagents and products. */
    private static final class Merged {
        final String label;
        int count;
        double rate;
        double absRate;
        Expr source;
        boolean sourceComplete = true;

        Merged(String label) {
            this.label = label;
        }

        void add(double r, Expr s) {
            count++;
            rate += r;
            absRate += Math.abs(r);
            if (s == null) {
                sourceComplete = false;
            } else {
                source = source == null ? s : new Expr.Binary(Expr.Op.ADD, source, s);
            }
        }
    }
}
