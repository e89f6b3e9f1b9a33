package org.odelump.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Monomials and polynomials as values: normal form, arithmetic, evaluation, derivatives. */
class PolynomialTest {

    private static final List<String> NAMES = List.of("x", "y", "z");

    @Test
    void monomialsNormaliseOrderRepeatsAndZeroExponents() {
        Monomial a = Monomial.of(new int[] {2, 0, 2}, new int[] {1, 3, 1});
        assertThat(a).isEqualTo(Monomial.of(new int[] {0, 2}, new int[] {3, 2}));
        assertThat(a.hashCode()).isEqualTo(Monomial.of(new int[] {0, 2}, new int[] {3, 2}).hashCode());
        assertThat(a.degree()).isEqualTo(5);
        assertThat(a.exponentOf(2)).isEqualTo(2);
        assertThat(a.exponentOf(1)).isZero();
        assertThat(Monomial.ofMultiset(0, 2, 0, 0, 2)).isEqualTo(a);
        assertThat(Monomial.of(1, 0)).isEqualTo(Monomial.ONE);
        assertThat(Monomial.ONE.isConstant()).isTrue();
        assertThat(Monomial.of(0).times(Monomial.of(0, 2)).pow(2)).isEqualTo(Monomial.of(0, 6));
        assertThat(a.evaluate(new double[] {2, 7, 3})).isEqualTo(8.0 * 9.0);
        assertThatThrownBy(() -> Monomial.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Monomial.of(0, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmeticAgreesWithEvaluation() {
        Polynomial x = Polynomial.variable(0);
        Polynomial y = Polynomial.variable(1);
        Polynomial p = x.times(y).scale(3).plus(Polynomial.constant(-2)).minus(y.pow(2));
        Polynomial q = x.plus(y).pow(2);
        double[] pt = {1.5, -0.5, 4};
        assertThat(p.evaluate(pt)).isEqualTo(3 * 1.5 * -0.5 - 2 - 0.25);
        assertThat(q.evaluate(pt)).isEqualTo(1.0);
        assertThat(p.times(q).evaluate(pt)).isEqualTo(p.evaluate(pt) * q.evaluate(pt));
        assertThat(q.coefficientOf(Monomial.of(new int[] {0, 1}, new int[] {1, 1}))).isEqualTo(2.0);
        assertThat(q.size()).isEqualTo(3);
        assertThat(q.degree()).isEqualTo(2);
        assertThat(p.variables().stream().toArray()).containsExactly(0, 1);
    }

    @Test
    void cancellingTermsVanishAndZeroIsZero() {
        Polynomial x = Polynomial.variable(0);
        assertThat(x.minus(x)).isEqualTo(Polynomial.ZERO);
        assertThat(x.minus(x).isZero()).isTrue();
        assertThat(x.scale(0)).isEqualTo(Polynomial.ZERO);
        assertThat(Polynomial.constant(5).isConstant()).isTrue();
        assertThat(x.negate().plus(x).size()).isZero();
    }

    @Test
    void derivativeOfAPolynomial() {
        // d/dx (x^3 y + 2 x z - y) = 3 x^2 y + 2 z
        Polynomial p = Polynomial.term(1, Monomial.of(new int[] {0, 1}, new int[] {3, 1}))
                .plus(Polynomial.term(2, Monomial.of(new int[] {0, 2}, new int[] {1, 1})))
                .minus(Polynomial.variable(1));
        Polynomial d = p.derivative(0);
        assertThat(d).isEqualTo(Polynomial.term(3, Monomial.of(new int[] {0, 1}, new int[] {2, 1}))
                .plus(Polynomial.term(2, Monomial.of(2))));
        assertThat(p.derivative(2).evaluate(new double[] {5, 1, 1})).isEqualTo(10.0);
        assertThat(d.format(NAMES)).contains("x").contains("z");
    }
}
