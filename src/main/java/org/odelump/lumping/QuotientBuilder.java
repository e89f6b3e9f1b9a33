package org.odelump.lumping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.odelump.model.Expr;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;
import org.odelump.model.Provenance;
import org.odelump.model.Variable;
import org.odelump.model.View;

/**
 * Builds the reduced model of a system for a given partition (research notes §1.3, §1.4, §2.8).
 *
 * <ul>
 *   <li>FE: one variable y_B per block, the block sum; initial value Σ_{i∈B} x_i(0); drift
 *       Σ_{i∈B} f_i evaluated at the uniform split x_i = y_{B(i)}/|B(i)|, i.e. every term c·x^ρ becomes
 *       c / Π_k |B(k)|^{ρ(k)} · y^{proj(ρ)}. Exact when the partition is an FE. A view {@code v<rep> = rep/|B|}
 *       (the block average) is added for every block with more than one member.</li>
 *   <li>BE: one variable y_B per block, the common value; initial value x_rep(0); drift f_rep with
 *       x_k := y_{B(k)}. Exact when the partition is a BE and the initial state is constant on blocks; a warning
 *       is recorded otherwise. A view {@code s<rep> = |B|*rep} (the block total) is added for every block with
 *       more than one member.</li>
 * </ul>
 * The origin's own views come first, rewritten on the reduced variables where the reduction keeps them
 * ({@link ViewRewriter}; the others are named in the warnings). Coefficients that cancel to zero within the
 * {@link Tolerance} are dropped. The reduced system is named {@code <origin>_fe} or {@code <origin>_be}; it is an
 * ODE model without parameters, except for a mass-action reaction network, which reduces to a reaction network
 * ({@link ReducedReactions}) that keeps the origin's parameters. Cost O(m·d) for m terms of degree ≤ d.
 */
public final class QuotientBuilder {

    private final OdeSystem origin;
    private final Method method;
    private final Partition initial;
    private final String initialDescription;
    private final Partition partition;
    private final Tolerance tolerance;

    /**
     * @param origin             the system to reduce
     * @param method             FE or BE
     * @param initial            the initial partition the final one refines
     * @param initialDescription how the initial partition was chosen (for the header)
     * @param partition          the final partition
     * @param tolerance          the tolerance for dropping cancelled coefficients
     */
    public QuotientBuilder(OdeSystem origin, Method method, Partition initial, String initialDescription,
                           Partition partition, Tolerance tolerance) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.method = Objects.requireNonNull(method, "method");
        this.initial = Objects.requireNonNull(initial, "initial");
        this.initialDescription = Objects.requireNonNull(initialDescription, "initialDescription");
        this.partition = Objects.requireNonNull(partition, "partition");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (partition.variableCount() != origin.dimension() || initial.variableCount() != origin.dimension()) {
            throw new IllegalArgumentException("partitions must cover the system's " + origin.dimension()
                    + " variables");
        }
        if (!partition.refines(initial)) {
            throw new IllegalArgumentException("the partition does not refine the initial partition");
        }
    }

    /** The lumped system. */
    public LumpedSystem compute() {
        int n = origin.dimension();
        int k = partition.size();
        List<String> names = origin.variableNames();
        double[] x0 = origin.initialValues();
        List<Variable> vars = new ArrayList<>(k);
        double[] y0 = new double[k];
        int[][] cols = new int[k][];
        double[][] weights = new double[k][];
        List<Polynomial> drifts = new ArrayList<>(k);
        List<String> warnings = new ArrayList<>();
        for (int b = 0; b < k; b++) {
            int[] members = partition.block(b);
            int rep = members[0];
            vars.add(origin.variables().get(rep));
            if (method == Method.FE) {
                double s = 0.0;
                for (int v : members) {
                    s += x0[v];
                }
                y0[b] = s;
                cols[b] = members;
                weights[b] = new double[members.length];
                Arrays.fill(weights[b], 1.0);
                Accumulator acc = new Accumulator();
                for (int v : members) {
                    addProjected(acc, origin.drift(v), true);
                }
                drifts.add(acc.build());
            } else {
                y0[b] = x0[rep];
                for (int v : members) {
                    if (x0[v] != x0[rep]) {
                        warnings.add("initial values are not constant on block " + blockText(members, names)
                                + ": the reduced model starts from " + names.get(rep) + "'s value");
                        break;
                    }
                }
                cols[b] = new int[] {rep};
                weights[b] = new double[] {1.0};
                Accumulator acc = new Accumulator();
                addProjected(acc, origin.drift(rep), false);
                drifts.add(acc.build());
            }
        }
        ViewRewriter.Result originViews = new ViewRewriter(origin, method, partition, tolerance).compute();
        warnings.addAll(originViews.dropped());
        List<View> views = new ArrayList<>(originViews.kept());
        views.addAll(blockViews(vars, originViews.kept()));
        OdeSystem.Builder rb = OdeSystem.builder(origin.name() + (method == Method.FE ? "_fe" : "_be"))
                .variables(vars)
                .initialValues(y0)
                .drifts(drifts)
                .views(views)
                .provenance(Provenance.generated("odelump " + method + " reduction of "
                        + origin.provenance().source()));
        if (ReducedReactions.applies(origin)) {
            rb.reactions(new ReducedReactions(origin, method, partition, tolerance).compute())
                    .parameters(origin.parameters());
        }
        OdeSystem reduced = rb.build();
        return new LumpedSystem(origin, method, initialDescription, initial, partition, cols, weights, reduced,
                tolerance.relative(), null, warnings);
    }

    private List<View> blockViews(List<Variable> vars, List<View> keptViews) {
        Set<String> taken = new HashSet<>();
        for (Variable v : vars) {
            taken.add(v.name());
        }
        for (View v : keptViews) {
            taken.add(v.name());
        }
        List<View> views = new ArrayList<>();
        for (int b = 0; b < partition.size(); b++) {
            int size = partition.blockSize(b);
            if (size < 2) {
                continue;
            }
            String rep = vars.get(b).name();
            String name = (method == Method.FE ? "v" : "s") + rep;
            while (!taken.add(name)) {
                name = name + "_";
            }
            Expr expr = method == Method.FE
                    ? new Expr.Binary(Expr.Op.DIV, new Expr.Ref(rep), new Expr.Num(size))
                    : new Expr.Binary(Expr.Op.MUL, new Expr.Num(size), new Expr.Ref(rep));
            views.add(new View(name, expr));
        }
        return views;
    }

    /** Adds f with every x_k replaced by y_{B(k)} (divided by |B(k)| when {@code divide}). */
    private void addProjected(Accumulator acc, Polynomial f, boolean divide) {
        for (int t = 0; t < f.size(); t++) {
            Monomial m = f.monomial(t);
            double c = f.coefficient(t);
            int[] vs = new int[m.size()];
            int[] es = new int[m.size()];
            for (int j = 0; j < m.size(); j++) {
                int b = partition.blockOf(m.var(j));
                vs[j] = b;
                es[j] = m.exp(j);
                if (divide) {
                    c /= Math.pow(partition.blockSize(b), m.exp(j));
                }
            }
            acc.add(Monomial.of(vs, es), c);
        }
    }

    /** Sums terms with their absolute values, so that cancellation can be recognised. */
    private final class Accumulator {
        private final Map<Monomial, double[]> terms = new HashMap<>();

        void add(Monomial m, double c) {
            double[] cell = terms.computeIfAbsent(m, x -> new double[2]);
            cell[0] += c;
            cell[1] += Math.abs(c);
        }

        Polynomial build() {
            Polynomial.Builder b = Polynomial.builder();
            for (Map.Entry<Monomial, double[]> e : terms.entrySet()) {
                double[] cell = e.getValue();
                if (!tolerance.isZeroSum(cell[0], cell[1])) {
                    b.add(e.getKey(), cell[0]);
                }
            }
            return b.build();
        }
    }

    private static String blockText(int[] members, List<String> names) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < members.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names.get(members[i]));
        }
        return sb.append('}').toString();
    }
}
