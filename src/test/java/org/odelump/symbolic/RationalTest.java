package org.odelump.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void decimalsAreReadAsWritten() {
        assertThat(Rational.ofDecimal(0.1)).isEqualTo(Rational.of(BigInteger.ONE, BigInteger.TEN));
        assertThat(Rational.ofDecimal(2.0)).isEqualTo(Rational.of(BigInteger.TWO, BigInteger.ONE));
        assertThat(Rational.ofDecimal(-1.5e3).isInteger()).isTrue();
        assertThat(Rational.ofDecimal(0.1).plus(Rational.ofDecimal(0.2)).plus(Rational.ofDecimal(-0.3)).isZero())
                .isTrue();
        assertThatThrownBy(() -> Rational.ofDecimal(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doublesRoundTripAndQuotientsRoundLikeIeeeDivision() {
        Random rnd = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double d = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(60) - 30);
            assertThat(Rational.ofDecimal(d).toDouble()).isEqualTo(d);
            long p = rnd.nextLong() >> rnd.nextInt(60);
            long q = (rnd.nextLong() >>> rnd.nextInt(62)) | 1;
            // IEEE division of exactly representable operands is correctly rounded
            if (Math.abs(p) < (1L << 53) && Math.abs(q) < (1L << 53)) {
                assertThat(Rational.of(BigInteger.valueOf(p), BigInteger.valueOf(q)).toDouble())
                        .as("%d/%d", p, q).isEqualTo((double) p / q);
            }
        }
        assertThat(Rational.of(BigInteger.ONE, BigInteger.valueOf(3)).toDouble()).isEqualTo(1.0 / 3);
        assertThat(Rational.of(BigInteger.valueOf(-6), BigInteger.valueOf(-4)))
                .isEqualTo(Rational.of(BigInteger.valueOf(3), BigInteger.TWO));
    }
}
