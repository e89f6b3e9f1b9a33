package org.odelump.model;

import java.util.Arrays;
import java.util.List;

/**
 * A monomial x^ρ over variables identified by their index in an {@link OdeSystem}: a product of variables
 * raised to positive integer powers. The empty monomial is the constant 1.
 *
 * <p>Immutable. Variable indices are kept strictly increasing, so two equal monomials have equal arrays.
 * Monomials are ordered by total degree first, then lexicographically by (variable, exponent) pairs.
 */
public final class Monomial implements Comparable<Monomial> {

    /** The constant monomial 1. */
    public static final Monomial ONE = new Monomial(new int[0], new int[0]);

    private final int[] vars;
    private final int[] exps;
    private final int degree;
    private final int hash;

    private Monomial(int[] vars, int[] exps) {
        this.vars = vars;
        this.exps = exps;
        int d = 0;
        for (int e : exps) {
            d += e;
        }
        this.degree = d;
        this.hash = 31 * Arrays.hashCode(vars) + Arrays.hashCode(exps);
    }

    /** The monomial x_var. */
    public static Monomial of(int var) {
        return of(var, 1);
    }

    /** The monomial x_var^exp; exp = 0 gives {@link #ONE}. */
    public static Monomial of(int var, int exp) {
        if (var < 0) {
            throw new IllegalArgumentException("variable index must be >= 0: " + var);
        }
        if (exp < 0) {
            throw new IllegalArgumentException("exponent must be >= 0: " + exp);
        }
        return exp == 0 ? ONE : new Monomial(new int[] {var}, new int[] {exp});
    }

    /**
     * The monomial with the given variables and exponents. Variables may come in any order and may repeat
     * (their exponents are added); zero exponents are dropped.
     */
    public static Monomial of(int[] vars, int[] exps) {
        if (vars.length != exps.length) {
            throw new IllegalArgumentException("vars and exps differ in length");
        }
        Monomial m = ONE;
        for (int i = 0; i < vars.length; i++) {
            m = m.times(of(vars[i], exps[i]));
        }
        return m;
    }

    /** The monomial of a multiset of variables given with repetition, e.g. {0,0,3} is x0^2·x3. */
    public static Monomial ofMultiset(int... varsWithRepetition) {
        int[] sorted = varsWithRepetition.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0) {
                throw new IllegalArgumentException("variable index must be >= 0: " + sorted[i]);
            }
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        int[] v = new int[distinct];
        int[] e = new int[distinct];
        int k = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                k++;
                v[k] = sorted[i];
            }
            e[k]++;
        }
        return distinct == 0 ? ONE : new Monomial(v, e);
    }

    /** Number of distinct variables. */
    public int size() {
        return vars.length;
    }

    /** Index of the i-th distinct variable (increasing in i). */
    public int var(int i) {
        return vars[i];
    }

    /** Exponent of the i-th distinct variable. */
    public int exp(int i) {
        return exps[i];
    }

    /** Exponent of variable {@code var} (0 when absent). */
    public int exponentOf(int var) {
        int i = Arrays.binarySearch(vars, var);
        return i >= 0 ? exps[i] : 0;
    }

    /** Total degree. */
    public int degree() {
        return degree;
    }

    public boolean isConstant() {
        return vars.length == 0;
    }

    /** The variables with repetition, in increasing order: x0^2·x3 gives {0,0,3}. */
    public int[] toMultiset() {
        int[] out = new int[degree];
        int k = 0;
        for (int i = 0; i < vars.length; i++) {
            for (int j = 0; j < exps[i]; j++) {
                out[k++] = vars[i];
            }
        }
        return out;
    }

    /** The product of two monomials. */
    public Monomial times(Monomial o) {
        if (o.vars.length == 0) {
            return this;
        }
        if (vars.length == 0) {
            return o;
        }
        int[] v = new int[vars.length + o.vars.length];
        int[] e = new int[v.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < vars.length || j < o.vars.length) {
            if (j == o.vars.length || (i < vars.length && vars[i] < o.vars[j])) {
                v[k] = vars[i];
                e[k++] = exps[i++];
            } else if (i == vars.length || o.vars[j] < vars[i]) {
                v[k] = o.vars[j];
                e[k++] = o.exps[j++];
            } else {
                v[k] = vars[i];
                e[k++] = Math.addExact(exps[i++], o.exps[j++]);
            }
        }
        return new Monomial(Arrays.copyOf(v, k), Arrays.copyOf(e, k));
    }

    /** This monomial raised to a non-negative power. */
    public Monomial pow(int p) {
        if (p < 0) {
            throw new IllegalArgumentException("negative power " + p);
        }
        if (p == 0) {
            return ONE;
        }
        int[] e = new int[exps.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.multiplyExact(exps[i], p);
        }
        return new Monomial(vars, e);
    }

    /** The value at point x (indexed by variable). */
    public double evaluate(double[] x) {
        double v = 1.0;
        for (int i = 0; i < vars.length; i++) {
            double b = x[vars[i]];
            int e = exps[i];
            v *= e == 1 ? b : (e == 2 ? b * b : Math.pow(b, e));
        }
        return v;
    }

    /** The largest variable index used, or -1 for the constant. */
    public int maxVar() {
        return vars.length == 0 ? -1 : vars[vars.length - 1];
    }

    /** Readable form with the given variable names, e.g. {@code x*y^2}; the constant prints as {@code 1}. */
    public String format(List<String> names) {
        if (vars.length == 0) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < vars.length; i++) {
            if (i > 0) {
                sb.append('*');
            }
            sb.append(names.get(vars[i]));
            if (exps[i] != 1) {
                sb.append('^').append(exps[i]);
            }
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Monomial o) {
        if (degree != o.degree) {
            return Integer.compare(degree, o.degree);
        }
        int n = Math.min(vars.length, o.vars.length);
        for (int i = 0; i < n; i++) {
            if (vars[i] != o.vars[i]) {
                return Integer.compare(vars[i], o.vars[i]);
            }
            if (exps[i] != o.exps[i]) {
                return Integer.compare(o.exps[i], exps[i]);
            }
        }
        return Integer.compare(vars.length, o.vars.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Monomial m && hash == m.hash && Arrays.equals(vars, m.vars) && Arrays.equals(exps, m.exps);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        if (vars.length == 0) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < vars.length; i++) {
            if (i > 0) {
                sb.append('*');
            }
            sb.append('x').append(vars[i]);
            if (exps[i] != 1) {
                sb.append('^').append(exps[i]);
            }
        }
        return sb.toString();
    }
}
