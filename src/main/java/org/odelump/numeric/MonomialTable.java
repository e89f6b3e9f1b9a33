package org.odelump.numeric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.odelump.model.Monomial;

/**
 * Distinct monomials stored in flat arrays so that all of them can be evaluated at a point in one pass.
 * Built once (interning with {@link #indexOf}), then frozen by {@link #freeze}. Package-private helper of
 * {@link PolynomialOde} and {@link SparseJacobian}.
 */
final class MonomialTable {

    private final Map<Monomial, Integer> index = new HashMap<>();
    private final List<Monomial> monomials = new ArrayList<>();
    private int[] start;
    private int[] vars;
    private int[] exps;

    /** The index of m, adding it when new. */
    int indexOf(Monomial m) {
        if (start != null) {
            throw new IllegalStateException("table is frozen");
        }
        Integer i = index.get(m);
        if (i == null) {
            i = monomials.size();
            index.put(m, i);
            monomials.add(m);
        }
        return i;
    }

    int size() {
        return monomials.size();
    }

    /** Packs the monomials into flat arrays; no more monomials can be added afterwards. */
    void freeze() {
        int total = 0;
        for (Monomial m : monomials) {
            total += m.size();
        }
        start = new int[monomials.size() + 1];
        vars = new int[total];
        exps = new int[total];
        int k = 0;
        for (int i = 0; i < monomials.size(); i++) {
            Monomial m = monomials.get(i);
            start[i] = k;
            for (int j = 0; j < m.size(); j++) {
                vars[k] = m.var(j);
                exps[k++] = m.exp(j);
            }
        }
        start[monomials.size()] = k;
        index.clear();
    }

    /** Writes the value of every monomial at x into out (length {@link #size}). */
    void evaluate(double[] x, double[] out) {
        int n = start.length - 1;
        for (int i = 0; i < n; i++) {
            double v = 1.0;
            for (int k = start[i], end = start[i + 1]; k < end; k++) {
                double b = x[vars[k]];
                int e = exps[k];
                v *= e == 1 ? b : (e == 2 ? b * b : Math.pow(b, e));
            }
            out[i] = v;
        }
    }
}
