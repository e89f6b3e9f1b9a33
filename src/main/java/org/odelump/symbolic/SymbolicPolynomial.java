package org.odelump.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.Numbers;
import org.odelump.model.Polynomial;

/**
 * A polynomial in the variables whose coefficients are polynomials in some kept (symbolic) parameters, e.g.
 * {@code k1*x*y - 2*k2*z}. Terms are sorted by {@link Monomial} order of the variable monomial; each coefficient is
 * a non-zero {@link Polynomial} over parameter indices (index j is {@code parameterNames().get(j)}). Immutable,
 * and free of Symja types: coefficients leave as {@link Polynomial} or {@link Expr}.
 */
public final class SymbolicPolynomial {

    private final List<String> parameterNames;
    private final Monomial[] monomials;
    private final Polynomial[] coefficients;

    private SymbolicPolynomial(List<String> parameterNames, Monomial[] monomials, Polynomial[] coefficients) {
        this.parameterNames = parameterNames;
        this.monomials = monomials;
        this.coefficients = coefficients;
    }

    /** A numeric polynomial seen as a symbolic one with no kept parameters. */
    public static SymbolicPolynomial of(Polynomial p) {
        Monomial[] ms = new Monomial[p.size()];
        Polynomial[] cs = new Polynomial[p.size()];
        for (int i = 0; i < p.size(); i++) {
            ms[i] = p.monomial(i);
            cs[i] = Polynomial.constant(p.coefficient(i));
        }
        return new SymbolicPolynomial(List.of(), ms, cs);
    }

    /**
     * The polynomial Σ_m coefficient(m)·m.
     *
     * @param parameterNames kept parameters; coefficient polynomials use indices into this list
     * @param terms          variable monomial to coefficient polynomial; zero coefficients are dropped
     */
    public static SymbolicPolynomial of(List<String> parameterNames, Map<Monomial, Polynomial> terms) {
        List<String> names = List.copyOf(parameterNames);
        List<Monomial> ms = new ArrayList<>();
        for (Map.Entry<Monomial, Polynomial> e : terms.entrySet()) {
            Polynomial c = Objects.requireNonNull(e.getValue(), "coefficient");
            if (!c.isZero()) {
                if (c.variables().length() > names.size()) {
                    throw new IllegalArgumentException("coefficient " + c + " uses a parameter index >= "
                            + names.size());
                }
                ms.add(Objects.requireNonNull(e.getKey(), "monomial"));
            }
        }
        Monomial[] sorted = ms.toArray(new Monomial[0]);
        Arrays.sort(sorted);
        Polynomial[] cs = new Polynomial[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            cs[i] = terms.get(sorted[i]);
        }
        return new SymbolicPolynomial(names, sorted, cs);
    }

    /** The kept parameters, in index order. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Number of distinct monomials in the variables. */
    public int size() {
        return monomials.length;
    }

    public boolean isZero() {
        return monomials.length == 0;
    }

    /** The i-th monomial in the variables (increasing {@link Monomial} order). */
    public Monomial monomial(int i) {
        return monomials[i];
    }

    /** The coefficient of the i-th monomial, as a polynomial over parameter indices. */
    public Polynomial coefficientPolynomial(int i) {
        return coefficients[i];
    }

    /** The coefficient of the i-th monomial as an expression in the kept parameters' names. */
    public Expr coefficient(int i) {
        return toExpr(coefficients[i], parameterNames);
    }

    /** The value of the i-th coefficient for these parameter values (indexed like {@link #parameterNames()}). */
    public double evaluateCoefficient(int i, double[] parameterValues) {
        if (parameterValues.length != parameterNames.size()) {
            throw new IllegalArgumentException("expected " + parameterNames.size() + " parameter values "
                    + parameterNames + ", got " + parameterValues.length);
        }
        return coefficients[i].evaluate(parameterValues);
    }

    /** The coefficient of {@code m} as a polynomial over parameter indices ({@link Polynomial#ZERO} if absent). */
    public Polynomial coefficientOf(Monomial m) {
        int i = Arrays.binarySearch(monomials, m);
        return i >= 0 ? coefficients[i] : Polynomial.ZERO;
    }

    /** True when no kept parameter occurs, so {@link #toPolynomial()} succeeds. */
    public boolean isNumeric() {
        for (Polynomial c : coefficients) {
            if (!c.isConstant()) {
                return false;
            }
        }
        return true;
    }

    /** The numeric polynomial, when no kept parameter occurs. */
    public Polynomial toPolynomial() {
        if (!isNumeric()) {
            throw new IllegalStateException("kept parameters occur: " + format(null));
        }
        return evaluate(new double[parameterNames.size()]);
    }

    /** The numeric polynomial for these parameter values (indexed like {@link #parameterNames()}). */
    public Polynomial evaluate(double[] parameterValues) {
        if (parameterValues.length != parameterNames.size()) {
            throw new IllegalArgumentException("expected " + parameterNames.size() + " parameter values "
                    + parameterNames + ", got " + parameterValues.length);
        }
        Polynomial.Builder b = Polynomial.builder();
        for (int i = 0; i < monomials.length; i++) {
            b.add(monomials[i], coefficients[i].evaluate(parameterValues));
        }
        return b.build();
    }

    /** The numeric polynomial for these parameter values; every kept parameter needs a value. */
    public Polynomial evaluate(Map<String, Double> parameterValues) {
        double[] v = new double[parameterNames.size()];
        for (int j = 0; j < v.length; j++) {
            Double d = parameterValues.get(parameterNames.get(j));
            if (d == null) {
                throw new IllegalArgumentException("no value for kept parameter '" + parameterNames.get(j) + "'");
            }
            v[j] = d;
        }
        return evaluate(v);
    }

    /** True when every coefficient is affine in the kept parameters (degree at most 1). */
    public boolean isLinearInParameters() {
        for (Polynomial c : coefficients) {
            if (c.degree() > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The coefficient of the i-th monomial split into its constant part and the factor of each kept parameter.
     *
     * @throws IllegalStateException when that coefficient has a product or power of kept parameters
     */
    public LinearCoefficient linearCoefficient(int i) {
        Polynomial c = coefficients[i];
        if (c.degree() > 1) {
            throw new IllegalStateException("coefficient " + c.format(parameterNames) + " of "
                    + monomials[i] + " is not linear in the kept parameters");
        }
        double constant = 0.0;
        double[] factors = new double[parameterNames.size()];
        for (int t = 0; t < c.size(); t++) {
            Monomial m = c.monomial(t);
            if (m.isConstant()) {
                constant = c.coefficient(t);
            } else {
                factors[m.var(0)] = c.coefficient(t);
            }
        }
        return new LinearCoefficient(parameterNames, constant, factors);
    }

    /** {@link #linearCoefficient(int)} of monomial {@code m}; all zero when m does not occur. */
    public LinearCoefficient linearCoefficientOf(Monomial m) {
        int i = Arrays.binarySearch(monomials, m);
        return i >= 0 ? linearCoefficient(i)
                : new LinearCoefficient(parameterNames, 0.0, new double[parameterNames.size()]);
    }

    /**
     * Readable text, e.g. {@code k1*x*y - 2*k2*z} or {@code (k1 + 2*k2)*x}: terms in {@link Monomial} order of the
     * variables, a coefficient with several parameter terms in parentheses. Deterministic; zero prints as
     * {@code 0}.
     *
     * @param variableNames names by variable index; null prints {@code x0, x1, …}
     */
    public String format(List<String> variableNames) {
        if (monomials.length == 0) {
            return "0";
        }
        List<String> vars = variableNames != null ? variableNames : defaultNames();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < monomials.length; i++) {
            Polynomial c = coefficients[i];
            Monomial m = monomials[i];
            if (c.size() == 1) {
                double k = c.coefficient(0);
                Monomial pm = c.monomial(0);
                sb.append(i == 0 ? (k < 0 ? "-" : "") : (k < 0 ? " - " : " + "));
                List<String> parts = new ArrayList<>();
                double abs = Math.abs(k);
                if (abs != 1.0 || (pm.isConstant() && m.isConstant())) {
                    parts.add(Numbers.format(abs));
                }
                if (!pm.isConstant()) {
                    parts.add(pm.format(parameterNames));
                }
                if (!m.isConstant()) {
                    parts.add(m.format(vars));
                }
                sb.append(String.join("*", parts));
            } else {
                sb.append(i == 0 ? "" : " + ").append('(').append(c.format(parameterNames)).append(')');
                if (!m.isConstant()) {
                    sb.append('*').append(m.format(vars));
                }
            }
        }
        return sb.toString();
    }

    private List<String> defaultNames() {
        int max = -1;
        for (Monomial m : monomials) {
            max = Math.max(max, m.maxVar());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            names.add("x" + i);
        }
        return names;
    }

    /** The expression Σ c·p^σ for a polynomial over parameter indices; zero is {@code Num(0)}. */
    static Expr toExpr(Polynomial c, List<String> names) {
        if (c.isZero()) {
            return new Expr.Num(0.0);
        }
        Expr sum = null;
        for (int t = 0; t < c.size(); t++) {
            double k = c.coefficient(t);
            Monomial m = c.monomial(t);
            Expr product = null;
            double abs = Math.abs(k);
            if (abs != 1.0 || m.isConstant()) {
                product = new Expr.Num(abs);
            }
            for (int f = 0; f < m.size(); f++) {
                Expr p = new Expr.Ref(names.get(m.var(f)));
                if (m.exp(f) != 1) {
                    p = new Expr.Binary(Expr.Op.POW, p, new Expr.Num(m.exp(f)));
                }
                product = product == null ? p : new Expr.Binary(Expr.Op.MUL, product, p);
            }
            if (sum == null) {
                sum = k < 0 ? new Expr.Neg(product) : product;
            } else {
                sum = new Expr.Binary(k < 0 ? Expr.Op.SUB : Expr.Op.ADD, sum, product);
            }
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymbolicPolynomial s && parameterNames.equals(s.parameterNames)
                && Arrays.equals(monomials, s.monomials) && Arrays.equals(coefficients, s.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * parameterNames.hashCode() + Arrays.hashCode(monomials)) + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return format(null);
    }
}
