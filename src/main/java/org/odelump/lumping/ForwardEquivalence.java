package org.odelump.lumping;

import java.util.Objects;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * The coarsest forward equivalence (FE) of a polynomial ODE system that refines an initial partition: the
 * coarsest partition whose block-sum drifts Σ_{i∈B} f_i depend on x only through the block sums, so that the
 * sums obey an ODE of their own for every initial condition (Cardelli, Tribastone, Tschaikowski, Vandin,
 * "Symbolic computation of differential equivalences", POPL 2016; "Efficient syntax-driven lumping of
 * differential equations", TACAS 2016; "Maximal aggregation of polynomial dynamical systems", PNAS 114(38), 2017).
 *
 * <p>Method (research notes §1.3, §2.1–§2.7): each term c·x^ρ of f_s is a reaction ρ → ρ + s; for a splitter
 * block C and species X the counters are m(X + λ, C) = ρ!·Σ_{s∈C} [x^ρ]f_s with ρ = X + λ, keyed by the
 * species-level label λ. Same-block species must have equal counter vectors for every splitter. Blocks are split
 * by sorting the vectors, splitters are managed with Hopcroft's rule, and a final certification round checks
 * stability. For polynomial drifts the result coincides with the largest polynomial forward differential
 * equivalence (PNAS'17).
 *
 * <p>Complexity: O(m·d·log n) splitter work for m terms of degree ≤ d over n variables (each species lies in a
 * splitter O(log n) times by the "all but the largest" rule), times a log factor for the sorting of counters,
 * plus one O(m·d) certification pass per round.
 */
public final class ForwardEquivalence {

    private final OdeSystem system;
    private final Partition initial;
    private final Tolerance tolerance;

    /**
     * @param system    the model (its drifts are read)
     * @param initial   the partition to refine, over the system's variables
     * @param tolerance how coefficients are compared
     */
    public ForwardEquivalence(OdeSystem system, Partition initial, Tolerance tolerance) {
        this.system = Objects.requireNonNull(system, "system");
        this.initial = Refiner.requireCovering(system, initial);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /** The coarsest FE refining the initial partition. */
    public Partition compute() {
        return new Run(new NormalForm(system), initial, tolerance).run();
    }

    /** Per-call working tables. */
    static final class Run extends Refiner {
        private final int[] labels;
        private final int[] monoStamp;
        private final double[] agg;
        private final double[] aggAbs;
        private final int[] touched;
        private int stamp;

        Run(NormalForm form, Partition initial, Tolerance tol) {
            super(form, initial, tol);
            labels = form.forwardLabels();
            monoStamp = new int[form.monoCount];
            agg = new double[form.monoCount];
            aggAbs = new double[form.monoCount];
            touched = new int[form.monoCount];
        }

        @Override
        void collect(int c) {
            NormalForm f = form;
            stamp++;
            int count = 0;
            for (int p = start[c]; p < end[c]; p++) {
                int s = elems[p];
                for (int t = f.speciesStart[s]; t < f.speciesStart[s + 1]; t++) {
                    int m = f.termMono[t];
                    double v = f.termCoef[t];
                    if (monoStamp[m] != stamp) {
                        monoStamp[m] = stamp;
                        agg[m] = 0.0;
                        aggAbs[m] = 0.0;
                        touched[count++] = m;
                    }
                    agg[m] += v;
                    aggAbs[m] += Math.abs(v);
                }
            }
            for (int k = 0; k < count; k++) {
                int m = touched[k];
                if (tol.isZeroSum(agg[m], aggAbs[m])) {
                    continue;
                }
                double fact = f.monoFactorial[m];
                double v = agg[m] * fact;
                double a = aggAbs[m] * fact;
                for (int j = f.monoStart[m]; j < f.monoStart[m + 1]; j++) {
                    add(f.monoVar[j], labels[j], v, a);
                }
            }
        }
    }
}
