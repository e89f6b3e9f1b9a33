package org.odelump.lumping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.odelump.model.ExprPolynomials;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;
import org.odelump.model.View;

/**
 * Rewrites the views (observables) of a model on the variables of its reduced model, where the reduction keeps
 * them exactly:
 * <ul>
 *   <li>FE (y_B = Σ_{i∈B} x_i): a view that is affine in the variables and weights all members of each block it
 *       touches equally, Σ_B w_B·Σ_{i∈B} x_i + c, becomes Σ_B w_B·y_B + c; exact for every initial state.</li>
 *   <li>BE (y_B = x_i for every i ∈ B on block-constant states): any polynomial view p(x) becomes p with x_i
 *       replaced by y_{B(i)}; exact whenever the reduction is (initial values constant on blocks).</li>
 * </ul>
 * Any other view cannot be computed from the reduced variables; it is reported by name with the reason, and
 * isolating it with an {@code observe} prepartition makes it keepable. Cost O(size of the views) per call.
 */
public final class ViewRewriter {

    private final OdeSystem origin;
    private final Method method;
    private final Partition partition;
    private final Tolerance tolerance;

    /** The outcome: the rewritten views (names unchanged) and one message per view that could not be kept. */
    public record Result(List<View> kept, List<String> dropped) {
        public Result {
            kept = List.copyOf(kept);
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * @param origin    the reduced model's origin, whose views are rewritten
     * @param method    FE or BE
     * @param partition the partition of the origin's variables; reduced variable b is block b
     * @param tolerance how equal two weights of one FE block must be
     */
    public ViewRewriter(OdeSystem origin, Method method, Partition partition, Tolerance tolerance) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.method = Objects.requireNonNull(method, "method");
        this.partition = Objects.requireNonNull(partition, "partition");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (partition.variableCount() != origin.dimension()) {
            throw new IllegalArgumentException("the partition must cover the origin's " + origin.dimension()
                    + " variables");
        }
    }

    /** Rewrites every view of the origin, in order. */
    public Result compute() {
        Map<String, Double> parameters = new HashMap<>();
        for (Parameter p : origin.parameters()) {
            parameters.put(p.name(), p.value());
        }
        List<String> reducedNames = new ArrayList<>(partition.size());
        for (int b = 0; b < partition.size(); b++) {
            reducedNames.add(origin.variables().get(partition.representative(b)).name());
        }
        List<View> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (View v : origin.views()) {
            Polynomial p;
            try {
                p = ExprPolynomials.toPolynomial(v.expression(), origin::indexOf, parameters);
            } catch (ExprPolynomials.NotPolynomialException e) {
                dropped.add("view " + v.name() + " is not kept in the reduced model: " + e.getMessage());
                continue;
            }
            Polynomial rewritten;
            try {
                rewritten = method == Method.FE ? onSums(p) : onValues(p);
            } catch (NotKept e) {
                dropped.add("view " + v.name() + " is not kept in the reduced model: " + e.getMessage()
                        + "; --observe " + v.name() + " (prepartition observe) keeps it");
                continue;
            }
            kept.add(new View(v.name(), ExprPolynomials.toExpr(rewritten, reducedNames)));
        }
        return new Result(kept, dropped);
    }

    private Polynomial onSums(Polynomial p) {
        double[] weight = new double[partition.size()];
        boolean[] seen = new boolean[partition.size()];
        Polynomial.Builder out = Polynomial.builder();
        for (int t = 0; t < p.size(); t++) {
            Monomial m = p.monomial(t);
            if (m.isConstant()) {
                out.add(m, p.coefficient(t));
            } else if (m.degree() != 1) {
                throw new NotKept("it is not linear in the variables, and FE keeps only sums of whole blocks");
            }
        }
        List<String> names = origin.variableNames();
        for (int b = 0; b < partition.size(); b++) {
            int[] members = partition.block(b);
            for (int v : members) {
                double w = p.coefficientOf(Monomial.of(v));
                if (!seen[b] && w != 0.0) {
                    seen[b] = true;
                    weight[b] = w;
                }
            }
            if (!seen[b]) {
                continue;
            }
            for (int v : members) {
                if (!tolerance.equal(p.coefficientOf(Monomial.of(v)), weight[b])) {
                    List<String> block = new ArrayList<>();
                    for (int u : members) {
                        block.add(names.get(u));
                    }
                    throw new NotKept("it weights the members of block {" + String.join(", ", block)
                            + "} unequally, and FE keeps only sums of whole blocks");
                }
            }
            out.add(Monomial.of(b), weight[b]);
        }
        return out.build();
    }

    private Polynomial onValues(Polynomial p) {
        Polynomial.Builder out = Polynomial.builder();
        for (int t = 0; t < p.size(); t++) {
            out.add(ReducedReactions.project(p.monomial(t), partition), p.coefficient(t));
        }
        return out.build();
    }

    /** A view that the reduced variables do not determine. */
    private static final class NotKept extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotKept(String message) {
            super(message, null, false, false);
        }
    }
}
