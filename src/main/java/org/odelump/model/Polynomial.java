package org.odelump.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse polynomial with double coefficients: a sum of terms c·x^ρ, kept sorted by {@link Monomial} order,
 * with no exact-zero coefficients. Immutable.
 *
 * <p>Coefficients are compared exactly by {@link #equals}; tolerance-based comparison belongs to the algorithms
 * that need it (see {@code org.odelump.lumping}).
 */
public final class Polynomial {

    /** The zero polynomial. */
    public static final Polynomial ZERO = new Polynomial(new Monomial[0], new double[0]);

    private final Monomial[] monomials;
    private final double[] coefficients;

    private Polynomial(Monomial[] monomials, double[] coefficients) {
        this.monomials = monomials;
        this.coefficients = coefficients;
    }

    /** The constant c. */
    public static Polynomial constant(double c) {
        return term(c, Monomial.ONE);
    }

    /** The polynomial x_var. */
    public static Polynomial variable(int var) {
        return term(1.0, Monomial.of(var));
    }

    /** The single term c·m. */
    public static Polynomial term(double c, Monomial m) {
        checkFinite(c);
        return c == 0.0 ? ZERO : new Polynomial(new Monomial[] {m}, new double[] {c});
    }

    /** A new accumulator of terms. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of terms. */
    public int size() {
        return monomials.length;
    }

    public boolean isZero() {
        return monomials.length == 0;
    }

    public Monomial monomial(int i) {
        return monomials[i];
    }

    public double coefficient(int i) {
        return coefficients[i];
    }

    /** The coefficient of m (0 when absent). */
    public double coefficientOf(Monomial m) {
        int i = Arrays.binarySearch(monomials, m);
        return i >= 0 ? coefficients[i] : 0.0;
    }

    /** Total degree; 0 for constants, -1 for the zero polynomial. */
    public int degree() {
        int d = -1;
        for (Monomial m : monomials) {
            d = Math.max(d, m.degree());
        }
        return d;
    }

    /** True when this is a constant (including zero). */
    public boolean isConstant() {
        return monomials.length == 0 || (monomials.length == 1 && monomials[0].isConstant());
    }

    /** The variables that occur, as a bit set of indices. */
    public BitSet variables() {
        BitSet s = new BitSet();
        for (Monomial m : monomials) {
            for (int i = 0; i < m.size(); i++) {
                s.set(m.var(i));
            }
        }
        return s;
    }

    /** The value at point x (indexed by variable). */
    public double evaluate(double[] x) {
        double s = 0.0;
        for (int i = 0; i < monomials.length; i++) {
            s += coefficients[i] * monomials[i].evaluate(x);
        }
        return s;
    }

    public Polynomial plus(Polynomial o) {
        if (o.isZero()) {
            return this;
        }
        if (isZero()) {
            return o;
        }
        return builder().add(this).add(o).build();
    }

    public Polynomial minus(Polynomial o) {
        return builder().add(this).add(o, -1.0).build();
    }

    public Polynomial negate() {
        return scale(-1.0);
    }

    /** c times this polynomial. */
    public Polynomial scale(double c) {
        checkFinite(c);
        if (c == 0.0 || isZero()) {
            return ZERO;
        }
        if (c == 1.0) {
            return this;
        }
        return builder().add(this, c).build();
    }

    public Polynomial times(Polynomial o) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        Builder b = builder();
        for (int i = 0; i < monomials.length; i++) {
            for (int j = 0; j < o.monomials.length; j++) {
                b.add(monomials[i].times(o.monomials[j]), coefficients[i] * o.coefficients[j]);
            }
        }
        return b.build();
    }

    /** This polynomial to a non-negative integer power (repeated squaring). */
    public Polynomial pow(int p) {
        if (p < 0) {
            throw new IllegalArgumentException("negative power " + p);
        }
        Polynomial result = constant(1.0);
        Polynomial base = this;
        int e = p;
        while (e > 0) {
            if ((e & 1) != 0) {
                result = result.times(base);
            }
            e >>= 1;
            if (e > 0) {
                base = base.times(base);
            }
        }
        return result;
    }

    /** The partial derivative with respect to variable {@code var}. */
    public Polynomial derivative(int var) {
        Builder b = builder();
        for (int i = 0; i < monomials.length; i++) {
            Monomial m = monomials[i];
            int e = m.exponentOf(var);
            if (e > 0) {
                int[] vs = new int[m.size()];
                int[] es = new int[m.size()];
                for (int k = 0; k < m.size(); k++) {
                    vs[k] = m.var(k);
                    es[k] = m.var(k) == var ? m.exp(k) - 1 : m.exp(k);
                }
                b.add(Monomial.of(vs, es), coefficients[i] * e);
            }
        }
        return b.build();
    }

    /**
     * Readable canonical text with the given variable names, e.g. {@code 2*x*y - 0.5*z + 1}; the zero
     * polynomial prints as {@code 0}. The text is valid DSL and parses back to an equal polynomial.
     */
    public String format(List<String> names) {
        if (monomials.length == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < monomials.length; i++) {
            double c = coefficients[i];
            Monomial m = monomials[i];
            double abs = Math.abs(c);
            if (i == 0) {
                if (c < 0) {
                    sb.append('-');
                }
            } else {
                sb.append(c < 0 ? " - " : " + ");
            }
            if (m.isConstant()) {
                sb.append(Numbers.format(abs));
            } else {
                if (abs != 1.0) {
                    sb.append(Numbers.format(abs)).append('*');
                }
                sb.append(m.format(names));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polynomial p && Arrays.equals(monomials, p.monomials)
                && Arrays.equals(coefficients, p.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(monomials) + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        int max = -1;
        for (Monomial m : monomials) {
            max = Math.max(max, m.maxVar());
        }
        for (int i = 0; i <= max; i++) {
            names.add("x" + i);
        }
        return format(names);
    }

    private static void checkFinite(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("coefficient is not finite: " + c);
        }
    }

    /** Mutable accumulator: adds terms (merging equal monomials) and builds a sorted {@link Polynomial}. */
    public static final class Builder {
        private final Map<Monomial, double[]> terms = new HashMap<>();

        private Builder() {
        }

        /** Adds c·m. */
        public Builder add(Monomial m, double c) {
            checkFinite(c);
            if (c != 0.0) {
                double[] cell = terms.get(m);
                if (cell == null) {
                    terms.put(m, new double[] {c});
                } else {
                    cell[0] += c;
                }
            }
            return this;
        }

        /** Adds every term of p. */
        public Builder add(Polynomial p) {
            return add(p, 1.0);
        }

        /** Adds c·p. */
        public Builder add(Polynomial p, double c) {
            for (int i = 0; i < p.monomials.length; i++) {
                add(p.monomials[i], p.coefficients[i] * c);
            }
            return this;
        }

        public boolean isEmpty() {
            return terms.isEmpty();
        }

        /** The sum so far; terms that cancelled to exactly 0 are dropped. */
        public Polynomial build() {
            int n = 0;
            Monomial[] ms = new Monomial[terms.size()];
            for (Map.Entry<Monomial, double[]> e : terms.entrySet()) {
                if (e.getValue()[0] != 0.0) {
                    ms[n++] = e.getKey();
                }
            }
            ms = Arrays.copyOf(ms, n);
            Arrays.sort(ms);
            double[] cs = new double[n];
            for (int i = 0; i < n; i++) {
                cs[i] = terms.get(ms[i])[0];
                checkFinite(cs[i]);
            }
            return n == 0 ? ZERO : new Polynomial(ms, cs);
        }
    }
}
