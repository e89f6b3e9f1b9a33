package org.odelump.lumping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * One approximate reduction: the ε-partition ({@link EpsilonEquivalence}) and a reduced model for it, either the
 * direct quotient of the original model as if the partition were exact ({@link QuotientBuilder}), or the exact
 * quotient of the nearest exact model ({@link NearestExactModel}). The header of the lumped system states ε, its
 * mode, the grouping rule and, for the nearest exact model, the size of the change.
 */
public final class ApproximateReduction {

    /**
     * The outcome.
     *
     * @param epsilon the ε-partition and its statistics
     * @param lumped  the reduced model (its origin is the original model for the direct quotient, the perturbed
     *                model for the nearest exact one)
     * @param nearest the nearest exact model, or null for the direct quotient
     */
    public record Result(EpsilonEquivalence.Result epsilon, LumpedSystem lumped, NearestExactModel.Result nearest) {
    }

    private final OdeSystem system;
    private final Method method;
    private final Partition initial;
    private final String initialDescription;
    private final double epsilon;
    private final EpsilonMode mode;
    private final Grouping grouping;
    private final Tolerance tolerance;

    /** Arguments as for {@link EpsilonEquivalence}, plus how the initial partition was chosen (for the header). */
    public ApproximateReduction(OdeSystem system, Method method, Partition initial, String initialDescription,
                                double epsilon, EpsilonMode mode, Grouping grouping, Tolerance tolerance) {
        this.system = Objects.requireNonNull(system, "system");
        this.method = Objects.requireNonNull(method, "method");
        this.initial = Objects.requireNonNull(initial, "initial");
        this.initialDescription = Objects.requireNonNull(initialDescription, "initialDescription");
        this.epsilon = epsilon;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /** The ε-partition and the direct quotient of the original model. */
    public Result compute() {
        EpsilonEquivalence.Result eps = partition();
        LumpedSystem l = new QuotientBuilder(system, method, initial, initialDescription, eps.partition(), tolerance)
                .compute();
        return new Result(eps, withHeader(l, describe(eps, "direct quotient of the original model (as if exact)")),
                null);
    }

    /** The ε-partition alone. */
    public EpsilonEquivalence.Result partition() {
        return new EpsilonEquivalence(system, method, initial, epsilon, mode, grouping, tolerance).compute();
    }

    /** The ε-partition and the exact quotient of the nearest exact model obtained by changing coefficients. */
    public Result computeNearestByCoefficients() {
        EpsilonEquivalence.Result eps = partition();
        return nearest(eps, NearestExactModel.coefficients(system, method, eps.partition()));
    }

    /** The exact quotient of a given nearest exact model for a computed ε-partition. */
    public Result nearest(EpsilonEquivalence.Result eps, NearestExactModel.Result near) {
        LumpedSystem l = new QuotientBuilder(near.model(), method, initial, initialDescription, eps.partition(),
                tolerance).compute();
        String how = String.format(Locale.ROOT,
                "exact quotient of the nearest exact model (perturbed %s: change 2-norm %.6g, max %.6g, %d changed%s)",
                near.what(), near.changeNorm2(), near.changeMax(), near.changed(), near.initialChangeMax() > 0
                        ? String.format(Locale.ROOT, "; initial values made constant on blocks: change 2-norm %.6g, "
                                + "max %.6g", near.initialChangeNorm2(), near.initialChangeMax()) : "");
        return new Result(eps, withHeader(l, describe(eps, how)), near);
    }

    private List<String> describe(EpsilonEquivalence.Result eps, String how) {
        List<String> h = new ArrayList<>();
        h.add(String.format(Locale.ROOT, "Approximate: epsilon-%s with epsilon=%s (%s), grouping %s, %d round%s",
                method, epsilon, mode.name().toLowerCase(Locale.ROOT), grouping.name().toLowerCase(Locale.ROOT),
                eps.rounds(), eps.rounds() == 1 ? "" : "s"));
        h.add("Reduced model: " + how);
        h.add(String.format(Locale.ROOT, "odelump-approximation: epsilon=%s epsilon-mode=%s grouping=%s", epsilon,
                mode.name().toLowerCase(Locale.ROOT), grouping.name().toLowerCase(Locale.ROOT)));
        return h;
    }

    /** A copy of a lumped system with extra header lines inserted before the machine-readable ones. */
    static LumpedSystem withHeader(LumpedSystem l, List<String> extra) {
        List<String> header = new ArrayList<>();
        int at = 0;
        for (String line : l.header()) {
            if (!line.startsWith("odelump-")) {
                // the exact builder's method line would claim a coarsest exact equivalence
                header.add(line.startsWith("Method: ") ? "Method: " + l.method() + " quotient of an epsilon-"
                        + l.method() + " partition (" + (l.method() == Method.FE ? "sum variables"
                        : "common block values") + ")" : line);
                at++;
            }
        }
        header.addAll(extra);
        header.addAll(l.header().subList(at, l.header().size()));
        int k = l.partition().size();
        int[][] cols = new int[k][];
        double[][] w = new double[k][];
        for (int b = 0; b < k; b++) {
            cols[b] = l.lumpingColumns(b);
            w[b] = l.lumpingWeights(b);
        }
        return new LumpedSystem(l.origin(), l.method(), l.initialDescription(), l.initialPartition(), l.partition(),
                cols, w, l.reduced(), header, l.warnings());
    }
}
