package org.odelump.lumping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;

/**
 * The reaction-like normal form of a polynomial ODE system (research notes §2.1, §7.1) in flat primitive
 * arrays. Every term c·x^ρ of the drift f_s is the reaction ρ → ρ + s with rate c; a constant term uses the
 * auxiliary species I (index n, initial value 1, zero drift) as its reagent, so that ρ is never empty. Terms of
 * one drift are already merged by {@link Polynomial}; exact zeros do not occur.
 *
 * <p>Distinct reagent multisets are interned once into monomial ids; the species of monomial m are
 * {@code var[monoStart[m] .. monoStart[m+1])} with exponents {@code exp[...]}, increasing.
 */
final class NormalForm {

    /** Number of variables of the original system. */
    final int n;
    /** n, plus one when the auxiliary constant species is present. */
    final int species;
    /** Index of the auxiliary species, or -1 when no drift has a constant term. */
    final int aux;

    final int monoCount;
    final int[] monoStart;
    final int[] monoVar;
    final int[] monoExp;
    final int[] monoDegree;
    /** ρ! = Π ρ(k)! for each monomial, as a double. */
    final double[] monoFactorial;
    /** The interned monomials themselves (with the auxiliary species for constants). */
    final Monomial[] monomials;

    /** Terms ordered by drift: the terms of f_s are {@code speciesStart[s] .. speciesStart[s+1]}. */
    final int[] speciesStart;
    final int[] termSpecies;
    final int[] termMono;
    final double[] termCoef;

    private static final int PACK_BITS = 21;
    private static final int PACK_DEGREE = 3;
    private static final int PACK_LIMIT = (1 << PACK_BITS) - 1;

    /** m as a packed multiset of (var + 1) codes when its degree is ≤ 3 and indices fit; -1 otherwise. */
    private static long pack(Monomial m, int species) {
        if (m.degree() > PACK_DEGREE || species >= PACK_LIMIT) {
            return -1;
        }
        long code = 0;
        for (int i = 0; i < m.size(); i++) {
            for (int r = 0; r < m.exp(i); r++) {
                code = (code << PACK_BITS) | (m.var(i) + 1L);
            }
        }
        return code;
    }

    NormalForm(OdeSystem system) {
        this.n = system.dimension();
        List<Polynomial> drifts = system.drifts();
        boolean hasConstant = false;
        int termTotal = 0;
        for (Polynomial f : drifts) {
            termTotal += f.size();
            if (f.size() > 0 && f.monomial(0).isConstant()) {
                hasConstant = true;
            }
        }
        this.aux = hasConstant ? n : -1;
        this.species = hasConstant ? n + 1 : n;
        Monomial auxMono = hasConstant ? Monomial.of(n) : null;

        Map<Monomial, Integer> ids = new HashMap<>();
        LongIntMap packedIds = new LongIntMap();
        Monomial[] monos = new Monomial[Math.max(1, termTotal)];
        this.speciesStart = new int[species + 1];
        this.termSpecies = new int[termTotal];
        this.termMono = new int[termTotal];
        this.termCoef = new double[termTotal];
        int t = 0;
        int mc = 0;
        for (int s = 0; s < n; s++) {
            speciesStart[s] = t;
            Polynomial f = drifts.get(s);
            for (int k = 0; k < f.size(); k++) {
                Monomial m = f.monomial(k);
                if (m.isConstant()) {
                    m = auxMono;
                }
                long code = pack(m, species);
                int id;
                if (code >= 0) {
                    id = packedIds.get(code);
                    if (id < 0) {
                        id = mc;
                        packedIds.put(code, id);
                        monos[mc++] = m;
                    }
                } else {
                    Integer boxed = ids.get(m);
                    if (boxed == null) {
                        boxed = mc;
                        ids.put(m, boxed);
                        monos[mc++] = m;
                    }
                    id = boxed;
                }
                termSpecies[t] = s;
                termMono[t] = id;
                termCoef[t] = f.coefficient(k);
                t++;
            }
        }
        for (int s = n; s <= species; s++) {
            speciesStart[s] = t;
        }
        this.monoCount = mc;
        this.monomials = java.util.Arrays.copyOf(monos, mc);
        this.monoStart = new int[mc + 1];
        int width = 0;
        for (int m = 0; m < mc; m++) {
            monoStart[m] = width;
            width += monomials[m].size();
        }
        monoStart[mc] = width;
        this.monoVar = new int[width];
        this.monoExp = new int[width];
        this.monoDegree = new int[mc];
        this.monoFactorial = new double[mc];
        for (int m = 0; m < mc; m++) {
            Monomial mono = monomials[m];
            double fact = 1.0;
            for (int k = 0; k < mono.size(); k++) {
                monoVar[monoStart[m] + k] = mono.var(k);
                monoExp[monoStart[m] + k] = mono.exp(k);
                for (int e = 2; e <= mono.exp(k); e++) {
                    fact *= e;
                }
            }
            monoDegree[m] = mono.degree();
            monoFactorial[m] = fact;
        }
    }

    /** Number of terms (reactions). */
    int termCount() {
        return termSpecies.length;
    }

    /**
     * Index from species to the terms in which it is a reagent (for BE): returns {start, terms} in CSR form,
     * start of length species + 1.
     */
    int[][] reagentIndex() {
        int[] count = new int[species + 1];
        for (int t = 0; t < termMono.length; t++) {
            int m = termMono[t];
            for (int j = monoStart[m]; j < monoStart[m + 1]; j++) {
                count[monoVar[j] + 1]++;
            }
        }
        for (int s = 0; s < species; s++) {
            count[s + 1] += count[s];
        }
        int[] start = count.clone();
        int[] terms = new int[count[species]];
        int[] fill = count;
        for (int t = 0; t < termMono.length; t++) {
            int m = termMono[t];
            for (int j = monoStart[m]; j < monoStart[m + 1]; j++) {
                terms[fill[monoVar[j]]++] = t;
            }
        }
        return new int[][] {start, terms};
    }

    /**
     * Species-level FE labels (research notes §2.2): for every position j of {@link #monoVar}, the interned id of
     * ρ − {monoVar[j]}. Ids are dense from 0.
     */
    int[] forwardLabels() {
        int[] labels = new int[monoVar.length];
        Map<Monomial, Integer> ids = new HashMap<>();
        LongIntMap packedIds = new LongIntMap();
        int next = 0;
        for (int m = 0; m < monoCount; m++) {
            for (int j = monoStart[m]; j < monoStart[m + 1]; j++) {
                int v = monoVar[j];
                int id;
                if (monoDegree[m] <= PACK_DEGREE + 1 && species < PACK_LIMIT) {
                    // ρ − {v} as a packed multiset: codes of (var + 1), increasing, PACK_BITS each
                    long code = 0;
                    for (int i = monoStart[m]; i < monoStart[m + 1]; i++) {
                        int e = monoVar[i] == v ? monoExp[i] - 1 : monoExp[i];
                        for (int r = 0; r < e; r++) {
                            code = (code << PACK_BITS) | (monoVar[i] + 1L);
                        }
                    }
                    id = packedIds.get(code);
                    if (id < 0) {
                        id = next++;
                        packedIds.put(code, id);
                    }
                } else {
                    int[] multiset = monomials[m].toMultiset();
                    int[] rest = new int[multiset.length - 1];
                    int r = 0;
                    boolean removed = false;
                    for (int x : multiset) {
                        if (x == v && !removed) {
                            removed = true;
                        } else {
                            rest[r++] = x;
                        }
                    }
                    Integer boxed = ids.get(Monomial.ofMultiset(rest));
                    if (boxed == null) {
                        boxed = next++;
                        ids.put(Monomial.ofMultiset(rest), boxed);
                    }
                    id = boxed;
                }
                labels[j] = id;
            }
        }
        return labels;
    }
}
