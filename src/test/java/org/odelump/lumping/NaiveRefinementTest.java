package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.odelump.lumping.RandomSystems.Kind;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

/**
 * Cross-checks the Hopcroft-style refinement against a naive fixpoint on systems too large for enumeration
 * (up to 40 variables): repeatedly split every block by each variable's full signature with respect to the current
 * partition until nothing changes. The naive signatures are computed with the polynomial algebra of the model
 * package, not with the algorithms' normal form.
 */
class NaiveRefinementTest {

    @Test
    void agreesWithNaiveFixpointOnMediumSystems() {
        SplittableRandom rnd = new SplittableRandom(99L);
        Kind[] kinds = Kind.values();
        int nonTrivial = 0;
        for (int s = 0; s < 150; s++) {
            int n = rnd.nextInt(8, 41);
            List<RandomSystems.Term> terms = RandomSystems.generate(rnd, kinds[s % kinds.length], n,
                    rnd.nextInt(1, 4), s % 3 == 0);
            OdeSystem sys = RandomSystems.build("m" + s, n, terms, new double[n]);
            Partition h0 = s % 5 == 0 ? Partition.fromLabels(RandomSystems.randomLabels(rnd, n, 2))
                    : Partition.single(n);
            Partition fe = new ForwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
            Partition be = new BackwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
            assertThat(fe).as("FE of system " + s).isEqualTo(naive(sys, h0, true));
            assertThat(be).as("BE of system " + s).isEqualTo(naive(sys, h0, false));
            if (fe.size() < n || be.size() < n) {
                nonTrivial++;
            }
        }
        assertThat(nonTrivial).isGreaterThan(50);
    }

    static Partition naive(OdeSystem sys, Partition h0, boolean forward) {
        Partition p = h0;
        while (true) {
            int n = sys.dimension();
            List<String> signatures = new ArrayList<>(n);
            List<Polynomial> blockDrifts = new ArrayList<>();
            if (forward) {
                for (int b = 0; b < p.size(); b++) {
                    Polynomial.Builder g = Polynomial.builder();
                    for (int v : p.block(b)) {
                        g.add(sys.drift(v));
                    }
                    blockDrifts.add(g.build());
                }
            }
            for (int x = 0; x < n; x++) {
                signatures.add(forward ? forwardSignature(x, blockDrifts) : backwardSignature(sys.drift(x), p));
            }
            int[] labels = new int[n];
            Map<String, Integer> ids = new HashMap<>();
            for (int x = 0; x < n; x++) {
                String key = p.blockOf(x) + "|" + signatures.get(x);
                labels[x] = ids.computeIfAbsent(key, k -> ids.size());
            }
            Partition next = Partition.fromLabels(labels);
            if (next.equals(p)) {
                return p;
            }
            p = next;
        }
    }

    /** For every block C and label λ: ρ!·[x^ρ](Σ_{s∈C} f_s) with ρ = x + λ. */
    private static String forwardSignature(int x, List<Polynomial> blockDrifts) {
        TreeMap<String, Long> sig = new TreeMap<>();
        for (int b = 0; b < blockDrifts.size(); b++) {
            Polynomial g = blockDrifts.get(b);
            for (int t = 0; t < g.size(); t++) {
                Monomial m = g.monomial(t);
                if (m.exponentOf(x) == 0) {
                    continue;
                }
                double fact = 1;
                for (int k = 0; k < m.size(); k++) {
                    for (int e = 2; e <= m.exp(k); e++) {
                        fact *= e;
                    }
                }
                int[] ms = m.toMultiset();
                int[] rest = new int[ms.length - 1];
                int r = 0;
                boolean removed = false;
                for (int v : ms) {
                    if (v == x && !removed) {
                        removed = true;
                    } else {
                        rest[r++] = v;
                    }
                }
                put(sig, b + ":" + Monomial.ofMultiset(rest), g.coefficient(t) * fact);
            }
        }
        return sig.toString();
    }

    /** f with x_k := y_{B(k)}: coefficient per block monomial. */
    private static String backwardSignature(Polynomial f, Partition p) {
        Map<Monomial, Double> acc = new HashMap<>();
        for (int t = 0; t < f.size(); t++) {
            Monomial m = f.monomial(t);
            int[] vs = new int[m.size()];
            int[] es = new int[m.size()];
            for (int k = 0; k < m.size(); k++) {
                vs[k] = p.blockOf(m.var(k));
                es[k] = m.exp(k);
            }
            acc.merge(Monomial.of(vs, es), f.coefficient(t), Double::sum);
        }
        TreeMap<String, Long> sig = new TreeMap<>();
        acc.forEach((m, c) -> put(sig, m.toString(), c));
        return sig.toString();
    }

    private static void put(TreeMap<String, Long> sig, String key, double value) {
        long rounded = Math.round(value * 1e9);
        if (rounded != 0) {
            sig.put(key, rounded);
        }
    }
}
