package org.odelump.lumping;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * The coarsest backward equivalence (BE) of a polynomial ODE system that refines an initial partition: the
 * coarsest partition such that same-block variables have equal drifts at every point that is constant on blocks,
 * so that trajectories starting block-constant stay block-constant (Cardelli, Tribastone, Tschaikowski, Vandin,
 * "Symbolic computation of differential equivalences", POPL 2016; "Efficient syntax-driven lumping of
 * differential equations", TACAS 2016; "Maximal aggregation of polynomial dynamical systems", PNAS 114(38), 2017).
 *
 * <p>Method (research notes §1.4, §2.5): with each term c·x^ρ of f_s read as the reaction ρ → ρ + s, the flux
 * rate fr(s, σ) is the sum of the coefficients of f_s over the monomials whose block projection is σ. For a
 * splitter C every term with a reagent in C is counted once, under the block-level label proj(ρ − {one reagent
 * in C}); same-block species must agree. Constant terms use an auxiliary species kept in its own block, so
 * same-block drifts must also have equal constants. No factorial is involved.
 *
 * <p>Complexity: O(m·d·log n) splitter work for m terms of degree ≤ d over n variables with Hopcroft's
 * "all but the largest" rule, times a log factor for sorting; labels depend on the current partition, so a
 * certification round (O(m·d) each) re-checks every block until a round splits nothing.
 */
public final class BackwardEquivalence {

    private final OdeSystem system;
    private final Partition initial;
    private final Tolerance tolerance;

    /**
     * @param system    the model (its drifts are read)
     * @param initial   the partition to refine, over the system's variables
     * @param tolerance how coefficients are compared
     */
    public BackwardEquivalence(OdeSystem system, Partition initial, Tolerance tolerance) {
        this.system = Objects.requireNonNull(system, "system");
        this.initial = Refiner.requireCovering(system, initial);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /** The coarsest BE refining the initial partition. */
    public Partition compute() {
        return new Run(new NormalForm(system), initial, tolerance).run();
    }

    /** Per-call working tables. */
    static final class Run extends Refiner {
        private final int[] reagentStart;
        private final int[] reagentTerms;
        private final int[] termStamp;
        private final int bits;
        private final LongIntMap packed = new LongIntMap();
        private final Map<IntArrayKey, Integer> wide = new HashMap<>();
        private int[] buf = new int[8];
        private int nextLabel;
        private int stamp;

        Run(NormalForm form, Partition initial, Tolerance tol) {
            super(form, initial, tol);
            int[][] index = form.reagentIndex();
            reagentStart = index[0];
            reagentTerms = index[1];
            termStamp = new int[form.termCount()];
            bits = 64 - Long.numberOfLeadingZeros(form.species + 1L);
        }

        @Override
        void collect(int c) {
            NormalForm f = form;
            stamp++;
            packed.clear();
            wide.clear();
            nextLabel = 0;
            for (int p = start[c]; p < end[c]; p++) {
                int s = elems[p];
                for (int k = reagentStart[s]; k < reagentStart[s + 1]; k++) {
                    int t = reagentTerms[k];
                    if (termStamp[t] == stamp) {
                        continue;
                    }
                    termStamp[t] = stamp;
                    double v = f.termCoef[t];
                    add(f.termSpecies[t], label(f.termMono[t], c), v, Math.abs(v));
                }
            }
        }

        /** Id of proj(ρ − {one reagent in block c}) within the current pass. */
        private int label(int m, int c) {
            NormalForm f = form;
            int len = f.monoDegree[m] - 1;
            if (len == 0) {
                return intern(0L);
            }
            if (buf.length < len + 1) {
                buf = new int[2 * (len + 1)];
            }
            int k = 0;
            boolean removed = false;
            for (int j = f.monoStart[m]; j < f.monoStart[m + 1]; j++) {
                int b = blockOf[f.monoVar[j]];
                for (int e = 0; e < f.monoExp[j]; e++) {
                    if (b == c && !removed) {
                        removed = true;
                    } else {
                        buf[k++] = b;
                    }
                }
            }
            for (int i = 1; i < len; i++) {
                int v = buf[i];
                int j = i - 1;
                while (j >= 0 && buf[j] > v) {
                    buf[j + 1] = buf[j];
                    j--;
                }
                buf[j + 1] = v;
            }
            if (len * bits <= 62) {
                long code = 0;
                for (int i = 0; i < len; i++) {
                    code = (code << bits) | (buf[i] + 1L);
                }
                return intern(code);
            }
            IntArrayKey key = new IntArrayKey(java.util.Arrays.copyOf(buf, len));
            Integer id = wide.get(key);
            if (id == null) {
                id = nextLabel++;
                wide.put(key, id);
            }
            return id;
        }

        private int intern(long code) {
            int id = packed.get(code);
            if (id < 0) {
                id = nextLabel++;
                packed.put(code, id);
            }
            return id;
        }
    }
}
