package org.odelump.symbolic;

import java.util.HashMap;
import java.util.Map;

import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.Polynomial;

/**
 * Expansion without Symja for expressions with no function calls (other than {@code pow}): sums, products,
 * integer powers and division by constants, in exact rational arithmetic over the same decimal reading of numbers
 * as the Symja route ({@link Rational#ofDecimal}). Because both routes are exact and round each final coefficient once, in the same
 * way, they give identical polynomials. Anything else (a function, a variable in a denominator, a symbolic or
 * fractional exponent) is left to Symja: {@link #expand} returns null.
 *
 * <p>Cost: a product of polynomials with a and b terms takes O(a·b) rational operations; powers use repeated
 * squaring. A product whose work would exceed {@link #MAX_PRODUCT_WORK} is refused.
 */
final class NativeExpansion {

    /** Largest a·b for one polynomial product (about a minute of work), so runaway powers fail fast. */
    static final long MAX_PRODUCT_WORK = 20_000_000L;

    private final NameResolver resolver;

    private NativeExpansion(NameResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The expansion of {@code e}, or null when it needs Symja.
     *
     * @throws IllegalArgumentException for an unknown name, a non-finite number, or a runaway expansion
     */
    static Polynomial expand(Expr e, NameResolver resolver) {
        Map<Monomial, Rational> p = new NativeExpansion(resolver).poly(e);
        if (p == null) {
            return null;
        }
        Polynomial.Builder b = Polynomial.builder();
        for (Map.Entry<Monomial, Rational> t : p.entrySet()) {
            double c = t.getValue().toDouble();
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("coefficient of " + t.getKey() + " is not a finite double: " + c);
            }
            b.add(t.getKey(), c);
        }
        return b.build();
    }

    private Map<Monomial, Rational> poly(Expr e) {
        if (e instanceof Expr.Num n) {
            if (!Double.isFinite(n.value())) {
                throw new IllegalArgumentException("number literal is not finite: " + n.value());
            }
            return constant(Rational.ofDecimal(n.value()));
        }
        if (e instanceof Expr.Ref r) {
            int v = resolver.variableIndex(r.name());
            if (v >= 0) {
                Map<Monomial, Rational> m = new HashMap<>();
                m.put(Monomial.of(v), Rational.ONE);
                return m;
            }
            Double value = resolver.parameterValue(r.name());
            if (value == null) {
                throw new IllegalArgumentException("unknown name '" + r.name() + "': neither a variable nor a parameter");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value of parameter '" + r.name() + "' is not finite: " + value);
            }
            return constant(Rational.ofDecimal(value));
        }
        if (e instanceof Expr.Neg n) {
            Map<Monomial, Rational> p = poly(n.operand());
            return p == null ? null : scale(p, Rational.ONE.negate());
        }
        if (e instanceof Expr.Binary b) {
            Map<Monomial, Rational> l = poly(b.left());
            Map<Monomial, Rational> r = poly(b.right());
            if (l == null || r == null) {
                return null;
            }
            return switch (b.op()) {
                case ADD -> add(l, r, Rational.ONE);
                case SUB -> add(l, r, Rational.ONE.negate());
                case MUL -> times(l, r);
                case DIV -> {
                    Rational d = constantValue(r);
                    yield d == null || d.isZero() ? null : scale(l, d.inverse());
                }
                case POW -> power(l, constantValue(r));
            };
        }
        if (e instanceof Expr.Call c && c.function().equals("pow") && c.args().size() == 2) {
            Map<Monomial, Rational> base = poly(c.args().get(0));
            Map<Monomial, Rational> exponent = poly(c.args().get(1));
            return base == null || exponent == null ? null : power(base, constantValue(exponent));
        }
        return null; // other function calls go to Symja
    }

    private static Map<Monomial, Rational> power(Map<Monomial, Rational> base, Rational exponent) {
        if (exponent == null || !exponent.isInteger() || exponent.num().bitLength() > 31) {
            return null;
        }
        int n = exponent.num().intValueExact();
        Rational c = constantValue(base);
        if (n < 0) {
            return c == null || c.isZero() ? null : constant(pow(c.inverse(), -n));
        }
        if (c != null) {
            return n == 0 && c.isZero() ? null : constant(pow(c, n)); // 0^0 is left to Symja (Indeterminate)
        }
        Map<Monomial, Rational> result = constant(Rational.ONE);
        Map<Monomial, Rational> sq = base;
        int k = n;
        while (k > 0) {
            if ((k & 1) != 0) {
                result = times(result, sq);
            }
            k >>= 1;
            if (k > 0) {
                sq = times(sq, sq);
            }
        }
        return result;
    }

    private static Rational pow(Rational c, int n) {
        return Rational.of(c.num().pow(n), c.den().pow(n));
    }

    /** The value of a constant polynomial (0 for the empty one), or null when a variable occurs. */
    private static Rational constantValue(Map<Monomial, Rational> p) {
        if (p.isEmpty()) {
            return Rational.ZERO;
        }
        if (p.size() == 1 && p.containsKey(Monomial.ONE)) {
            return p.get(Monomial.ONE);
        }
        return null;
    }

    private static Map<Monomial, Rational> constant(Rational c) {
        Map<Monomial, Rational> m = new HashMap<>();
        if (!c.isZero()) {
            m.put(Monomial.ONE, c);
        }
        return m;
    }

    private static Map<Monomial, Rational> add(Map<Monomial, Rational> a, Map<Monomial, Rational> b, Rational f) {
        Map<Monomial, Rational> out = new HashMap<>(a);
        for (Map.Entry<Monomial, Rational> t : b.entrySet()) {
            accumulate(out, t.getKey(), t.getValue().times(f));
        }
        return out;
    }

    private static Map<Monomial, Rational> scale(Map<Monomial, Rational> a, Rational f) {
        Map<Monomial, Rational> out = new HashMap<>();
        for (Map.Entry<Monomial, Rational> t : a.entrySet()) {
            accumulate(out, t.getKey(), t.getValue().times(f));
        }
        return out;
    }

    private static Map<Monomial, Rational> times(Map<Monomial, Rational> a, Map<Monomial, Rational> b) {
        if ((long) a.size() * b.size() > MAX_PRODUCT_WORK) {
            throw new IllegalArgumentException("expansion too large: a product of polynomials with " + a.size()
                    + " and " + b.size() + " terms");
        }
        Map<Monomial, Rational> out = new HashMap<>();
        for (Map.Entry<Monomial, Rational> s : a.entrySet()) {
            for (Map.Entry<Monomial, Rational> t : b.entrySet()) {
                accumulate(out, s.getKey().times(t.getKey()), s.getValue().times(t.getValue()));
            }
        }
        return out;
    }

    private static void accumulate(Map<Monomial, Rational> out, Monomial m, Rational c) {
        if (c.isZero()) {
            return;
        }
        Rational sum = out.getOrDefault(m, Rational.ZERO).plus(c);
        if (sum.isZero()) {
            out.remove(m);
        } else {
            out.put(m, sum);
        }
    }
}
