package org.odelump.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact rational number num/den in lowest terms with den > 0, for the native expansion. Immutable.
 */
record Rational(BigInteger num, BigInteger den) {

    static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    /** Enough digits that rounding the decimal to double is, in practice, the correctly rounded quotient. */
    private static final MathContext QUOTIENT = new MathContext(40);

    static Rational of(BigInteger num, BigInteger den) {
        if (den.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        return num.signum() == 0 ? ZERO : new Rational(num, den);
    }

    /** The rational with the shortest decimal expansion that reads back as {@code v} (0.1 is 1/10). */
    static Rational ofDecimal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not finite: " + v);
        }
        if (v == 0.0) {
            return ZERO;
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() <= 0 ? new Rational(d.toBigIntegerExact(), BigInteger.ONE)
                : of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    boolean isZero() {
        return num.signum() == 0;
    }

    boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    Rational plus(Rational o) {
        if (isZero()) {
            return o;
        }
        if (o.isZero()) {
            return this;
        }
        return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Rational times(Rational o) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        return of(num.multiply(o.num), den.multiply(o.den));
    }

    Rational negate() {
        return new Rational(num.negate(), den);
    }

    Rational inverse() {
        return of(den, num);
    }

    /** The double nearest to this rational (one rounding of a 40-digit quotient). */
    double toDouble() {
        return toDouble(num, den);
    }

    static double toDouble(BigInteger num, BigInteger den) {
        if (den.equals(BigInteger.ONE)) {
            return new BigDecimal(num).doubleValue();
        }
        return new BigDecimal(num).divide(new BigDecimal(den), QUOTIENT).doubleValue();
    }
}
