package org.odelump.lumping;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;

/**
 * Small random polynomial systems with planted symmetries, for brute-force tests: terms are generated as lists
 * (so tests can shuffle or relabel them) and then built into an {@link OdeSystem}.
 */
final class RandomSystems {

    /** One term c·x^ρ of the drift of variable {@code var}. */
    record Term(int var, double c, Monomial m) {
    }

    /** The kind of planted structure. */
    enum Kind { RANDOM, SYMMETRIC, FE_PLANTED, BE_PLANTED }

    static final double[] COEFFICIENTS = {1, 2, 3, -1, -2, 0.5, -0.5, 0.1, 0.2, 0.3, -0.3, 1.5, -0.7};
    static final double[] INITIAL = {0, 0.5, 1};

    private RandomSystems() {
    }

    static double coefficient(SplittableRandom rnd) {
        return COEFFICIENTS[rnd.nextInt(COEFFICIENTS.length)];
    }

    static Monomial monomial(SplittableRandom rnd, int n, int maxDegree, boolean allowConstant) {
        int d = rnd.nextInt(allowConstant ? 0 : 1, maxDegree + 1);
        int[] vs = new int[d];
        for (int k = 0; k < d; k++) {
            vs[k] = rnd.nextInt(n);
        }
        return Monomial.ofMultiset(vs);
    }

    /** Random block labels 0..k-1 over n variables. */
    static int[] randomLabels(SplittableRandom rnd, int n, int k) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(k);
        }
        return labels;
    }

    static List<Term> generate(SplittableRandom rnd, Kind kind, int n, int maxDegree, boolean constants) {
        List<Term> terms = new ArrayList<>();
        switch (kind) {
            case RANDOM -> {
                for (int i = 0; i < n; i++) {
                    int k = rnd.nextInt(0, 4);
                    for (int t = 0; t < k; t++) {
                        terms.add(new Term(i, coefficient(rnd), monomial(rnd, n, maxDegree, constants)));
                    }
                }
            }
            case SYMMETRIC -> {
                int[] perm = permutation(rnd, n);
                int order = order(perm);
                int base = rnd.nextInt(2, 2 * n + 1);
                for (int t = 0; t < base; t++) {
                    int var = rnd.nextInt(n);
                    double c = coefficient(rnd);
                    int[] ms = monomial(rnd, n, maxDegree, constants).toMultiset();
                    for (int r = 0; r < order; r++) {
                        terms.add(new Term(var, c, Monomial.ofMultiset(ms)));
                        var = perm[var];
                        for (int k = 0; k < ms.length; k++) {
                            ms[k] = perm[ms[k]];
                        }
                    }
                }
            }
            case FE_PLANTED -> plantForward(rnd, n, maxDegree, constants, terms);
            case BE_PLANTED -> plantBackward(rnd, n, maxDegree, constants, terms);
            default -> throw new AssertionError(kind);
        }
        return terms;
    }

    private static int[][] blocksOf(int[] labels, int k) {
        List<List<Integer>> bs = new ArrayList<>();
        for (int b = 0; b < k; b++) {
            bs.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            bs.get(labels[i]).add(i);
        }
        int[][] out = new int[k][];
        for (int b = 0; b < k; b++) {
            out[b] = bs.get(b).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** Drifts whose block sums are polynomials in the block sums of a random partition. */
    private static void plantForward(SplittableRandom rnd, int n, int maxDegree, boolean constants, List<Term> terms) {
        int k = rnd.nextInt(1, n + 1);
        int[] labels = randomLabels(rnd, n, k);
        int[][] blocks = blocksOf(labels, k);
        for (int b = 0; b < k; b++) {
            if (blocks[b].length == 0) {
                continue;
            }
            int reducedTerms = rnd.nextInt(1, 4);
            for (int r = 0; r < reducedTerms; r++) {
                double c = coefficient(rnd);
                int d = rnd.nextInt(constants ? 0 : 1, maxDegree + 1);
                // expand c * prod_{factors} (sum of the block's members), one factor per random non-empty block
                List<int[]> expansion = new ArrayList<>();
                expansion.add(new int[0]);
                for (int f = 0; f < d; f++) {
                    int[] members = blocks[labels[rnd.nextInt(n)]];
                    List<int[]> next = new ArrayList<>();
                    for (int[] e : expansion) {
                        for (int v : members) {
                            int[] g = java.util.Arrays.copyOf(e, e.length + 1);
                            g[e.length] = v;
                            next.add(g);
                        }
                    }
                    expansion = next;
                }
                for (int[] e : expansion) {
                    int[] owner = blocks[b];
                    Monomial m = Monomial.ofMultiset(e);
                    if (c == 0.3 && rnd.nextBoolean()) {
                        terms.add(new Term(owner[rnd.nextInt(owner.length)], 0.1, m));
                        terms.add(new Term(owner[rnd.nextInt(owner.length)], 0.2, m));
                    } else {
                        terms.add(new Term(owner[rnd.nextInt(owner.length)], c, m));
                    }
                }
            }
            // a cancelling pair inside the block
            if (blocks[b].length > 1 && rnd.nextBoolean()) {
                Monomial m = monomial(rnd, n, maxDegree, constants);
                double c = coefficient(rnd);
                terms.add(new Term(blocks[b][0], c, m));
                terms.add(new Term(blocks[b][blocks[b].length - 1], -c, m));
            }
        }
    }

    /** Drifts that agree inside the blocks of a random partition at block-constant points. */
    private static void plantBackward(SplittableRandom rnd, int n, int maxDegree, boolean constants, List<Term> terms) {
        int k = rnd.nextInt(1, n + 1);
        int[] labels = randomLabels(rnd, n, k);
        int[][] blocks = blocksOf(labels, k);
        for (int b = 0; b < k; b++) {
            if (blocks[b].length == 0) {
                continue;
            }
            int reducedTerms = rnd.nextInt(1, 4);
            for (int r = 0; r < reducedTerms; r++) {
                double c = coefficient(rnd);
                int d = rnd.nextInt(constants ? 0 : 1, maxDegree + 1);
                int[] factorBlocks = new int[d];
                for (int f = 0; f < d; f++) {
                    factorBlocks[f] = labels[rnd.nextInt(n)];
                }
                for (int i : blocks[b]) {
                    if (c == 0.3 && rnd.nextBoolean()) {
                        terms.add(new Term(i, 0.1, pick(rnd, blocks, factorBlocks)));
                        terms.add(new Term(i, 0.2, pick(rnd, blocks, factorBlocks)));
                    } else {
                        terms.add(new Term(i, c, pick(rnd, blocks, factorBlocks)));
                    }
                }
            }
        }
        // terms vanishing at block-constant points: c*(x_a - x_b)*m with a, b in one block
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(3) == 0) {
                int[] block = blocks[labels[rnd.nextInt(n)]];
                if (block.length > 1) {
                    int a = block[rnd.nextInt(block.length)];
                    int bb = block[rnd.nextInt(block.length)];
                    Monomial m = monomial(rnd, n, maxDegree - 1, true);
                    double c = coefficient(rnd);
                    terms.add(new Term(i, c, m.times(Monomial.of(a))));
                    terms.add(new Term(i, -c, m.times(Monomial.of(bb))));
                }
            }
        }
    }

    private static Monomial pick(SplittableRandom rnd, int[][] blocks, int[] factorBlocks) {
        int[] vs = new int[factorBlocks.length];
        for (int f = 0; f < vs.length; f++) {
            int[] members = blocks[factorBlocks[f]];
            vs[f] = members[rnd.nextInt(members.length)];
        }
        return Monomial.ofMultiset(vs);
    }

    /** A random permutation made of random disjoint cycles. */
    static int[] permutation(SplittableRandom rnd, int n) {
        int[] order = shuffled(rnd, n);
        int[] perm = new int[n];
        int i = 0;
        while (i < n) {
            int len = Math.min(n - i, rnd.nextInt(1, 4));
            for (int k = 0; k < len; k++) {
                perm[order[i + k]] = order[i + (k + 1) % len];
            }
            i += len;
        }
        return perm;
    }

    static int[] shuffled(SplittableRandom rnd, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static int order(int[] perm) {
        int o = 1;
        boolean[] seen = new boolean[perm.length];
        for (int i = 0; i < perm.length; i++) {
            if (!seen[i]) {
                int len = 0;
                int j = i;
                while (!seen[j]) {
                    seen[j] = true;
                    j = perm[j];
                    len++;
                }
                o = o / gcd(o, len) * len;
            }
        }
        return o;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Builds the system, adding terms in the given order. */
    static OdeSystem build(String name, int n, List<Term> terms, double[] initial) {
        List<Polynomial.Builder> acc = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            acc.add(Polynomial.builder());
        }
        for (Term t : terms) {
            acc.get(t.var()).add(t.m(), t.c());
        }
        List<Polynomial> drifts = new ArrayList<>();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            drifts.add(acc.get(i).build());
            names[i] = "x" + i;
        }
        return OdeSystem.builder(name).variables(names).initialValues(initial).drifts(drifts).build();
    }

    /** The same terms with variable i renamed to perm[i]. */
    static List<Term> relabel(List<Term> terms, int[] perm) {
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            int[] ms = t.m().toMultiset();
            for (int k = 0; k < ms.length; k++) {
                ms[k] = perm[ms[k]];
            }
            out.add(new Term(perm[t.var()], t.c(), Monomial.ofMultiset(ms)));
        }
        return out;
    }
}
