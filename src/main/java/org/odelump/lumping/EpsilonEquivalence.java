package org.odelump.lumping;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * Approximate (ε) forward and backward differential equivalence of a polynomial ODE system: a partition refining an
 * initial one in which same-block variables have ε-close aggregated coefficient vectors (Cardelli, Squillace,
 * Tribastone, Tschaikowski, Vandin, "Formal lumping of polynomial differential equations through approximate
 * equivalences", QEST 2018 and JLAMP 2023; research notes §3.1–§3.2). ε-FE is AFDE, the approximate forward
 * differential equivalence.
 *
 * <p>Vectors, with respect to the current partition P and the reaction-like normal form (c·x^ρ in f_s is the
 * reaction ρ → ρ + s):
 * <ul>
 *   <li>BE: a_i(σ) = Σ of the coefficients of the monomials x^ρ of f_i with block projection proj(ρ) = σ (the flux
 *       rates fr(x_i, σ) of §1.4; constants have σ = ∅).</li>
 *   <li>FE: a_X(C, λ) = ρ!·Σ_{s∈C} [x^ρ] f_s with ρ = X + λ, for every block C and species multiset λ (the
 *       cumulative net rates m(X + λ, C) of §1.3). ERODE's ε-FE distance compares polynomial coefficients after a
 *       symbolic swap of x_i and x_j instead; both distances vanish exactly on forward equivalences, this one
 *       needs no symbolic algebra.</li>
 * </ul>
 * The distance is d(i, j) = ‖a_i − a_j‖₁ over the union of keys, closeness is read by {@link EpsilonMode}, and each
 * block is split by the {@link Grouping} rule. As in ERODE the rounds repeat (vectors recomputed with respect to
 * the refined partition) until the number of blocks is stable. At ε = 0 the fixpoint is the coarsest exact FE/BE
 * refining the initial partition, because the vectors are additive over finer blocks.
 *
 * <p>Speed on large blocks: identical vectors are collapsed first (sorting); the distinct vectors are ordered by
 * a pseudo-random signed projection k(a) = Σ w(label)·a(label) with |w| ≤ 1, so |k(a_i) − k(a_j)| ≤ d(i, j) and
 * only pairs inside a sliding window of width ε are candidates; a second projection and the norms filter further,
 * L1 sums stop as soon as they pass the threshold, and connected pairs are skipped (union–find). One round costs
 * O(E log E) for E = Σ vector lengths (O(m·d) for m terms of degree ≤ d) plus the candidate pairs, which are few
 * unless many distinct vectors crowd into one window.
 */
public final class EpsilonEquivalence {

    /**
     * The outcome.
     *
     * @param partition     the ε-partition
     * @param rounds        refinement rounds (the last one changed nothing)
     * @param distances     L1 distances computed (after pruning)
     */
    public record Result(Partition partition, int rounds, long distances) {
    }

    private final OdeSystem system;
    private final Method method;
    private final Partition initial;
    private final double epsilon;
    private final EpsilonMode mode;
    private final Grouping grouping;
    private final Tolerance tolerance;

    /**
     * @param system    the model
     * @param method    FE (ε-FE, AFDE) or BE (ε-BE)
     * @param initial   the partition to refine
     * @param epsilon   ε ≥ 0, finite
     * @param mode      absolute or relative reading of ε
     * @param grouping  how the non-transitive ε relation splits a block
     * @param tolerance the exact comparison tolerance, added as slack (so ε = 0 is the exact FE/BE)
     */
    public EpsilonEquivalence(OdeSystem system, Method method, Partition initial, double epsilon, EpsilonMode mode,
                              Grouping grouping, Tolerance tolerance) {
        this.system = Objects.requireNonNull(system, "system");
        this.method = Objects.requireNonNull(method, "method");
        this.initial = Refiner.requireCovering(system, initial);
        this.mode = Objects.requireNonNull(mode, "mode");
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0: " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** Computes the ε-partition. */
    public Result compute() {
        return new Run().run();
    }

    /** Per-call working tables. */
    private final class Run {
        private final NormalForm f = new NormalForm(system);
        private final int n = f.n;
        private final int[] blockOf;
        private int blockCount;
        private final int[] fwdLabels;
        private final int[] reagentStart;
        private final int[] reagentTerms;
        private final int bits;
        private final Map<IntArrayKey, Long> wide = new HashMap<>();
        private final IntSorter sorter = new IntSorter();
        private final VectorGrouper grouper;
        private long distances;

        // vectors of the current round, CSR over species
        private final int[] vStart;
        private final int[] vEnd;
        private long[] vLabel = new long[1024];
        private double[] vValue = new double[1024];
        private double[] vAbs = new double[1024];
        private int vSize;

        // raw entries of one species
        private long[] rLabel = new long[64];
        private double[] rValue = new double[64];
        private double[] rAbs = new double[64];
        private int[] rOrder = new int[64];
        private int[] buf = new int[8];

        Run() {
            blockOf = initial.labels();
            blockCount = initial.size();
            boolean forward = method == Method.FE;
            fwdLabels = forward ? f.forwardLabels() : null;
            int[][] index = forward ? f.reagentIndex() : null;
            reagentStart = forward ? index[0] : null;
            reagentTerms = forward ? index[1] : null;
            bits = 64 - Long.numberOfLeadingZeros(n + 2L);
            vStart = new int[n];
            vEnd = new int[n];
            grouper = new VectorGrouper(epsilon, mode, grouping, tolerance);
        }

        Result run() {
            int rounds = 0;
            while (true) {
                rounds++;
                int[][] members = membersByBlock();
                buildVectors(members);
                int[] next = new int[n];
                int nextCount = 0;
                for (int[] block : members) {
                    if (block.length == 1) {
                        next[block[0]] = nextCount++;
                        continue;
                    }
                    int[] groups = grouper.group(block, vStart, vEnd, vLabel, vValue, vAbs);
                    int max = 0;
                    for (int k = 0; k < block.length; k++) {
                        next[block[k]] = nextCount + groups[k];
                        max = Math.max(max, groups[k]);
                    }
                    nextCount += max + 1;
                }
                distances = grouper.distances();
                boolean changed = nextCount != blockCount;
                System.arraycopy(next, 0, blockOf, 0, n);
                blockCount = nextCount;
                if (!changed) {
                    break;
                }
            }
            return new Result(Partition.fromLabels(blockOf), rounds, distances);
        }

        private int[][] membersByBlock() {
            int[] count = new int[blockCount];
            for (int i = 0; i < n; i++) {
                count[blockOf[i]]++;
            }
            int[][] members = new int[blockCount][];
            for (int b = 0; b < blockCount; b++) {
                members[b] = new int[count[b]];
                count[b] = 0;
            }
            for (int i = 0; i < n; i++) {
                int b = blockOf[i];
                members[b][count[b]++] = i;
            }
            return members;
        }

        private void buildVectors(int[][] members) {
            vSize = 0;
            wide.clear();
            for (int[] block : members) {
                if (block.length < 2) {
                    continue;
                }
                for (int x : block) {
                    int raw = method == Method.FE ? rawForward(x) : rawBackward(x);
                    vStart[x] = vSize;
                    mergeRaw(raw);
                    vEnd[x] = vSize;
                }
            }
        }

        private int rawBackward(int x) {
            int count = 0;
            for (int t = f.speciesStart[x]; t < f.speciesStart[x + 1]; t++) {
                double c = f.termCoef[t];
                count = addRaw(count, projection(f.termMono[t]), c);
            }
            return count;
        }

        private int rawForward(int x) {
            int count = 0;
            for (int k = reagentStart[x]; k < reagentStart[x + 1]; k++) {
                int t = reagentTerms[k];
                int m = f.termMono[t];
                int j = f.monoStart[m];
                while (f.monoVar[j] != x) {
                    j++;
                }
                long label = ((long) blockOf[f.termSpecies[t]] << 32) | fwdLabels[j];
                count = addRaw(count, label, f.termCoef[t] * f.monoFactorial[m]);
            }
            return count;
        }

        private int addRaw(int count, long label, double value) {
            if (count == rLabel.length) {
                int cap = count * 2;
                rLabel = java.util.Arrays.copyOf(rLabel, cap);
                rValue = java.util.Arrays.copyOf(rValue, cap);
                rAbs = java.util.Arrays.copyOf(rAbs, cap);
                rOrder = new int[cap];
            }
            rLabel[count] = label;
            rValue[count] = value;
            rAbs[count] = Math.abs(value);
            return count + 1;
        }

        /** Sorts the raw entries by label, merges equal labels, drops sums that are zero within the tolerance. */
        private void mergeRaw(int count) {
            for (int k = 0; k < count; k++) {
                rOrder[k] = k;
            }
            sorter.sort(rOrder, 0, count, (a, b) -> Long.compare(rLabel[a], rLabel[b]));
            int k = 0;
            while (k < count) {
                long label = rLabel[rOrder[k]];
                double sum = 0.0;
                double abs = 0.0;
                while (k < count && rLabel[rOrder[k]] == label) {
                    sum += rValue[rOrder[k]];
                    abs += rAbs[rOrder[k]];
                    k++;
                }
                if (tolerance.isZeroSum(sum, abs)) {
                    continue;
                }
                if (vSize == vLabel.length) {
                    int cap = vSize * 2;
                    vLabel = java.util.Arrays.copyOf(vLabel, cap);
                    vValue = java.util.Arrays.copyOf(vValue, cap);
                    vAbs = java.util.Arrays.copyOf(vAbs, cap);
                }
                vLabel[vSize] = label;
                vValue[vSize] = sum + 0.0;
                vAbs[vSize] = abs;
                vSize++;
            }
        }

        /** A code of the block multiset proj(ρ): packed sorted block ids, or a negative interned id. */
        private long projection(int m) {
            int len = f.monoDegree[m];
            if (buf.length < len) {
                buf = new int[2 * len];
            }
            int k = 0;
            for (int j = f.monoStart[m]; j < f.monoStart[m + 1]; j++) {
                int v = f.monoVar[j];
                int b = v == f.aux ? n : blockOf[v];
                for (int e = 0; e < f.monoExp[j]; e++) {
                    buf[k++] = b;
                }
            }
            java.util.Arrays.sort(buf, 0, len);
            if ((long) len * bits <= 62) {
                long code = 0;
                for (int i = 0; i < len; i++) {
                    code = (code << bits) | (buf[i] + 1L);
                }
                return code;
            }
            IntArrayKey key = new IntArrayKey(java.util.Arrays.copyOf(buf, len));
            Long id = wide.get(key);
            if (id == null) {
                id = -1L - wide.size();
                wide.put(key, id);
            }
            return id;
        }
    }
}
