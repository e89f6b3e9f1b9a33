package org.odelump.lumping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

/**
 * The reduced drifts of an exact FE or BE lumping with the model's parameters kept as symbols, where the lumping
 * allows it.
 *
 * <p>The lumping was found at the parameters' numeric values. With a parameter p written as a symbol, the reduced
 * model is right for other values of p only when the defining identity holds as a polynomial identity in the
 * variables x and in p: L·f(x, p) = f̂(L·x, p) for FE, f_i(x, p) = f_j(x, p) for i, j in one block on every
 * block-constant x for BE (Cardelli, Tribastone, Tschaikowski, Vandin, "Symbolic computation of differential
 * equivalences", POPL 2016, define the equivalences by these identities). Treating each parameter as an extra
 * variable with zero drift in a singleton block turns that identity into the plain FE/BE property of a larger
 * polynomial system, which the partition refinement decides exactly (coefficients compared with the lumping's
 * tolerance): the identity holds iff refining the lumping's partition, extended by the singletons, splits nothing.
 *
 * <p>When it fails for the full set of parameters (the lumping relies on, say, k1 = k2), the kept set is grown
 * from empty: a group of parameters (with those that must stay symbols together with them) is added when the
 * identity still holds with it, else its two halves are tried in turn, down to single parameters; the others are
 * substituted by their values. Substituting values into an identity keeps it an identity, so the kept set is
 * maximal (no further parameter can be added) and every kept set found is safe. The reduced drifts are then the
 * FE/BE quotient of the extended system (research notes §1.3, §1.4). Cost: one refinement when every parameter can
 * stay, O(u·log p) when u of the p parameters that occur cannot, at most 2p; each refinement O(m·log m) for m
 * terms.
 */
public final class ParametricQuotient {

    /**
     * The reduced drifts with symbols.
     *
     * @param drifts      one per block of the lumping, over the reduced variables (index b for block b) followed
     *                    by the parameters (index k + j for the extended system's indeterminate j, k blocks)
     * @param kept        indices j of the indeterminates that stay symbols, increasing
     * @param substituted indices j of indeterminates that occur in the drifts but had to be substituted (the
     *                    lumping depends on their values), increasing
     * @param checks      how many refinements decided it
     */
    public record Result(List<Polynomial> drifts, List<Integer> kept, List<Integer> substituted, int checks) {
        public Result {
            drifts = List.copyOf(drifts);
            kept = List.copyOf(kept);
            substituted = List.copyOf(substituted);
        }
    }

    private final LumpedSystem lumped;
    private final OdeSystem extended;
    private final List<List<Integer>> together;
    private final int n;
    private final Tolerance tolerance;

    /**
     * @param lumped   an exact FE or BE lumping of a model with n variables
     * @param extended the model's drifts over its n variables followed by one indeterminate per parameter (zero
     *                 drift, the parameter's value as initial value), variables in the model's order
     */
    public ParametricQuotient(LumpedSystem lumped, OdeSystem extended) {
        this(lumped, extended, List.of());
    }

    /**
     * @param lumped   an exact FE or BE lumping of a model with n variables
     * @param extended the model's drifts over its n variables followed by one indeterminate per parameter (zero
     *                 drift, the parameter's value as initial value), variables in the model's order
     * @param together per indeterminate j (where given), the indeterminates that stay symbols only together with
     *                 j, e.g. K and 1/K, or k1 and a parameter defined from k1
     */
    public ParametricQuotient(LumpedSystem lumped, OdeSystem extended, List<List<Integer>> together) {
        this.lumped = Objects.requireNonNull(lumped, "lumped");
        this.extended = Objects.requireNonNull(extended, "extended");
        this.together = together.stream().map(List::copyOf).toList();
        this.n = lumped.origin().dimension();
        if (lumped.approximation().isPresent() && lumped.approximation().get().direct()) {
            throw new IllegalArgumentException("an approximate (direct quotient) lumping is not exact for any "
                    + "parameter values");
        }
        if (extended.dimension() < n || !extended.variableNames().subList(0, n)
                .equals(lumped.origin().variableNames())) {
            throw new IllegalArgumentException("the extended system must start with the model's " + n
                    + " variables");
        }
        for (int j = n; j < extended.dimension(); j++) {
            if (!extended.drift(j).isZero()) {
                throw new IllegalArgumentException("parameter " + extended.variables().get(j).name()
                        + " must have drift 0");
            }
        }
        this.tolerance = Tolerance.of(lumped.tolerance());
    }

    /** The kept parameters and the reduced drifts. */
    public Result compute() {
        BitSet occurring = new BitSet();
        for (int i = 0; i < n; i++) {
            occurring.or(shifted(extended.drift(i).variables()));
        }
        Partition blocks = extendedPartition();
        Search search = new Search(occurring, blocks);
        BitSet kept = search.keep(occurring);
        OdeSystem system = substitute(kept);
        LumpedSystem q = new QuotientBuilder(system, lumped.method(), blocks, "parameters", blocks, tolerance)
                .compute();
        List<Integer> keptList = new ArrayList<>();
        List<Integer> substituted = new ArrayList<>();
        for (int j = occurring.nextSetBit(0); j >= 0; j = occurring.nextSetBit(j + 1)) {
            (kept.get(j) ? keptList : substituted).add(j);
        }
        // the singleton blocks of the indeterminates come after every block of x: reduced indices k, k+1, ...
        return new Result(q.reduced().drifts().subList(0, lumped.partition().size()), keptList, substituted,
                search.checks);
    }

    /** The search for a maximal set of indeterminates that can stay symbols; counts its refinements. */
    private final class Search {
        final BitSet occurring;
        final Partition blocks;
        BitSet kept = new BitSet();
        int checks;

        Search(BitSet occurring, Partition blocks) {
            this.occurring = occurring;
            this.blocks = blocks;
        }

        /**
         * Adds {@code chunk} (with what must come along) to the kept set when the identity still holds, else its
         * halves in turn, down to single indeterminates: a chunk of safe indeterminates costs one refinement, and
         * u unsafe ones among c cost O(u·log c).
         */
        BitSet keep(BitSet chunk) {
            BitSet trial = (BitSet) kept.clone();
            trial.or(chunk);
            for (int j = chunk.nextSetBit(0); j >= 0; j = chunk.nextSetBit(j + 1)) {
                for (int r : j < together.size() ? together.get(j) : List.<Integer>of()) {
                    trial.set(r);
                }
            }
            trial.and(occurring);
            if (trial.equals(kept)) {
                return kept;
            }
            checks++;
            if (holds(trial, blocks)) {
                kept = trial;
            } else if (chunk.cardinality() > 1) {
                int[] members = chunk.stream().toArray();
                BitSet first = new BitSet();
                BitSet second = new BitSet();
                for (int i = 0; i < members.length; i++) {
                    (i < members.length / 2 ? first : second).set(members[i]);
                }
                keep(first);
                keep(second);
            }
            return kept;
        }
    }

    /** The indeterminates (extended variables n, n+1, …) in {@code vs} as indices j = 0, 1, …. */
    private BitSet shifted(BitSet vs) {
        BitSet out = new BitSet();
        for (int v = vs.nextSetBit(n); v >= 0; v = vs.nextSetBit(v + 1)) {
            out.set(v - n);
        }
        return out;
    }

    /** The lumping's blocks, then one singleton per indeterminate (blocks are ordered by smallest member). */
    private Partition extendedPartition() {
        int[] labels = new int[extended.dimension()];
        Partition p = lumped.partition();
        for (int v = 0; v < n; v++) {
            labels[v] = p.blockOf(v);
        }
        for (int v = n; v < labels.length; v++) {
            labels[v] = p.size() + (v - n);
        }
        return Partition.fromLabels(labels);
    }

    /** True when the identity holds with the indeterminates in {@code kept} as symbols and the others as values. */
    private boolean holds(BitSet kept, Partition blocks) {
        OdeSystem system = substitute(kept);
        Partition refined = lumped.method() == Method.FE
                ? new ForwardEquivalence(system, blocks, tolerance).compute()
                : new BackwardEquivalence(system, blocks, tolerance).compute();
        return refined.size() == blocks.size();
    }

    /** The extended system with every indeterminate outside {@code kept} replaced by its value. */
    private OdeSystem substitute(BitSet kept) {
        List<Polynomial> drifts = new ArrayList<>(extended.dimension());
        Map<Integer, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < extended.dimension(); i++) {
            Polynomial f = extended.drift(i);
            Polynomial.Builder b = Polynomial.builder();
            for (int t = 0; t < f.size(); t++) {
                Monomial mono = f.monomial(t);
                double c = f.coefficient(t);
                int[] vs = new int[mono.size()];
                int[] es = new int[mono.size()];
                int s = 0;
                for (int j = 0; j < mono.size(); j++) {
                    int v = mono.var(j);
                    if (v >= n && !kept.get(v - n)) {
                        c *= Math.pow(values.computeIfAbsent(v, extended::initialValue), mono.exp(j));
                    } else {
                        vs[s] = v;
                        es[s++] = mono.exp(j);
                    }
                }
                b.add(s == vs.length ? mono : Monomial.of(Arrays.copyOf(vs, s),
                        Arrays.copyOf(es, s)), c);
            }
            drifts.add(b.build());
        }
        return extended.toBuilder().drifts(drifts).build();
    }
}
