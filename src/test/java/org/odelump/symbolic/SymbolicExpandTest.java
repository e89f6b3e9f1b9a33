package org.odelump.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.odelump.symbolic.TestExprs.add;
import static org.odelump.symbolic.TestExprs.call;
import static org.odelump.symbolic.TestExprs.div;
import static org.odelump.symbolic.TestExprs.eval;
import static org.odelump.symbolic.TestExprs.mul;
import static org.odelump.symbolic.TestExprs.neg;
import static org.odelump.symbolic.TestExprs.num;
import static org.odelump.symbolic.TestExprs.pow;
import static org.odelump.symbolic.TestExprs.ref;
import static org.odelump.symbolic.TestExprs.resolver;
import static org.odelump.symbolic.TestExprs.sub;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.Polynomial;

class SymbolicExpandTest {

    private static final List<String> XYZ = List.of("x", "y", "z");
    private static final Map<String, Double> PARAMS = Map.of("a", 0.7, "b", -1.3, "c", 2.0);
    private static final NameResolver R = resolver(XYZ, PARAMS);

    private static Polynomial expand(Expr e) {
        return both(e, R);
    }

    /** The expansion, checked to be identical through the native route and through Symja. */
    private static Polynomial both(Expr e, NameResolver r) {
        Polynomial p = Symbolic.expand(e, r);
        assertThat(Symbolic.expandWithSymja(e, r)).as("Symja route of %s", e).isEqualTo(p);
        return p;
    }

    @Test
    void productOfSumsIsExactForIntegers() {
        // 3*x*(x+1) = 3x^2 + 3x exactly
        Polynomial p = expand(mul(mul(num(3), ref("x")), add(ref("x"), num(1))));
        Polynomial expected = Polynomial.builder().add(Monomial.of(0, 2), 3).add(Monomial.of(0), 3).build();
        assertThat(p).isEqualTo(expected);
    }

    @Test
    void powerOfSumHasBinomialCoefficients() {
        // (x - 2y)^4
        Polynomial p = expand(pow(sub(ref("x"), mul(num(2), ref("y"))), num(4)));
        assertThat(p.size()).isEqualTo(5);
        long[] binom = {1, 4, 6, 4, 1};
        for (int k = 0; k <= 4; k++) {
            Monomial m = Monomial.of(new int[] {0, 1}, new int[] {4 - k, k});
            assertThat(p.coefficientOf(m)).isEqualTo(binom[k] * Math.pow(-2, k));
        }
        // x^2.0 is the integer power 2
        assertThat(expand(pow(add(ref("x"), num(1)), num(2.0))).size()).isEqualTo(3);
    }

    @Test
    void decimalsCancelExactly() {
        Expr pointOne = add(add(num(0.1), num(0.2)), neg(num(0.3)));
        assertThat(expand(pointOne)).isEqualTo(Polynomial.ZERO);
        Polynomial p = expand(add(mul(pointOne, ref("x")), ref("y")));
        assertThat(p).isEqualTo(Polynomial.variable(1));
        // 0.1*x*10 is exactly x; (x/3)*3 is exactly x
        assertThat(expand(mul(mul(num(0.1), ref("x")), num(10)))).isEqualTo(Polynomial.variable(0));
        assertThat(expand(mul(div(ref("x"), num(3)), num(3)))).isEqualTo(Polynomial.variable(0));
    }

    @Test
    void divisionByConstantsAndParameters() {
        Polynomial p = expand(div(add(ref("x"), ref("y")), num(4)));
        assertThat(p.coefficientOf(Monomial.of(0))).isEqualTo(0.25);
        assertThat(p.coefficientOf(Monomial.of(1))).isEqualTo(0.25);
        // x / c with c = 2, and a*b*x with a = 0.7, b = -1.3: exact -0.91
        assertThat(expand(div(ref("x"), ref("c")))).isEqualTo(Polynomial.term(0.5, Monomial.of(0)));
        assertThat(expand(mul(mul(ref("a"), ref("b")), ref("x"))).coefficientOf(Monomial.of(0))).isEqualTo(-0.91);
    }

    @Test
    void functionsOfConstants() {
        assertThat(expand(mul(call("exp", num(1)), ref("x"))).coefficientOf(Monomial.of(0))).isEqualTo(Math.E);
        assertThat(expand(mul(call("sqrt", num(2)), ref("x"))).coefficientOf(Monomial.of(0)))
                .isEqualTo(Math.sqrt(2));
        // sqrt(2)*sqrt(2) is exactly 2; (sqrt(2) + x)^2 = 2 + 2*sqrt(2)*x + x^2
        assertThat(expand(mul(mul(call("sqrt", num(2)), call("sqrt", num(2))), ref("x"))))
                .isEqualTo(Polynomial.term(2, Monomial.of(0)));
        Polynomial sq = expand(pow(add(call("sqrt", num(2)), ref("x")), num(2)));
        assertThat(sq.coefficientOf(Monomial.ONE)).isEqualTo(2.0);
        assertThat(sq.coefficientOf(Monomial.of(0))).isCloseTo(2 * Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(sq.coefficientOf(Monomial.of(0, 2))).isEqualTo(1.0);
        // log(exp(a)) with a parameter, min/max/abs of constants, pow(x, 2)
        assertThat(expand(mul(call("log", call("exp", ref("a"))), ref("y"))).coefficientOf(Monomial.of(1)))
                .isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(expand(mul(call("max", ref("a"), ref("b"), num(0.5)), ref("x"))).coefficientOf(Monomial.of(0)))
                .isEqualTo(0.7);
        assertThat(expand(mul(call("abs", ref("b")), ref("x"))).coefficientOf(Monomial.of(0))).isEqualTo(1.3);
        assertThat(expand(call("pow", ref("x"), num(2)))).isEqualTo(Polynomial.term(1, Monomial.of(0, 2)));
    }

    @Test
    void trickyNamesAreVariables() {
        List<String> names = List.of("gamma", "pi", "E", "I", "D", "N", "x_1", "Sin");
        NameResolver r = resolver(names, Map.of());
        // (gamma + pi + E + I + D + N + x_1 + Sin)^2: 8 squares and 28 cross terms, no built-in meaning
        Expr sum = ref(names.get(0));
        for (int i = 1; i < names.size(); i++) {
            sum = add(sum, ref(names.get(i)));
        }
        Polynomial p = both(pow(sum, num(2)), r);
        assertThat(p.size()).isEqualTo(36);
        for (int i = 0; i < names.size(); i++) {
            assertThat(p.coefficientOf(Monomial.of(i, 2))).isEqualTo(1.0);
            for (int j = i + 1; j < names.size(); j++) {
                assertThat(p.coefficientOf(Monomial.of(new int[] {i, j}, new int[] {1, 1}))).isEqualTo(2.0);
            }
        }
        // I*I is not -1, E*pi is a product of two variables, D(x_1) is not a derivative
        Polynomial ii = both(mul(ref("I"), ref("I")), r);
        assertThat(ii).isEqualTo(Polynomial.term(1, Monomial.of(3, 2)));
        assertThat(both(mul(ref("E"), ref("pi")), r).format(names)).isEqualTo("pi*E");
    }

    @Test
    void trickyNamesAreParameters() {
        Map<String, Double> values = new HashMap<>();
        List<String> names = List.of("gamma", "pi", "E", "I", "D", "N", "x_1", "Sin");
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), i + 2.0);
        }
        NameResolver r = resolver(List.of("x"), values);
        // (gamma*x + pi)*(E - I) + D*N*x_1/Sin*x  =  (2x + 3)*(4 - 5) + 6*7*8/9 x  = (-2 + 112/3) x - 3
        Expr e = add(mul(add(mul(ref("gamma"), ref("x")), ref("pi")), sub(ref("E"), ref("I"))),
                mul(div(mul(mul(ref("D"), ref("N")), ref("x_1")), ref("Sin")), ref("x")));
        Polynomial p = both(e, r);
        assertThat(p.coefficientOf(Monomial.ONE)).isEqualTo(-3.0);
        assertThat(p.coefficientOf(Monomial.of(0))).isEqualTo(-2.0 + 112.0 / 3.0);
        assertThat(p.size()).isEqualTo(2);
    }

    @Test
    void randomPolynomialExpressionsMatchDirectEvaluation() {
        Random rnd = new Random(20261125L);
        for (int trial = 0; trial < 60; trial++) {
            Expr e = randomExpr(rnd, 4);
            Polynomial p = expand(e);
            for (int k = 0; k < 5; k++) {
                double[] x = {rnd.nextDouble() * 3 - 1.5, rnd.nextDouble() * 3 - 1.5, rnd.nextDouble() * 3 - 1.5};
                Map<String, Double> values = new HashMap<>(PARAMS);
                for (int i = 0; i < 3; i++) {
                    values.put(XYZ.get(i), x[i]);
                }
                double direct = eval(e, values);
                assertThat(p.evaluate(x)).as("trial %d: %s at %s", trial, e, values)
                        .isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(direct))));
            }
        }
    }

    /** A random expression that is polynomial in x, y, z: sums, products, small powers, division by constants. */
    private static Expr randomExpr(Random rnd, int depth) {
        int kind = depth == 0 ? rnd.nextInt(3) : rnd.nextInt(9);
        return switch (kind) {
            case 0 -> ref(XYZ.get(rnd.nextInt(3)));
            case 1 -> ref(List.of("a", "b", "c").get(rnd.nextInt(3)));
            case 2 -> num((rnd.nextInt(41) - 20) / 10.0);
            case 3, 4 -> add(randomExpr(rnd, depth - 1), randomExpr(rnd, depth - 1));
            case 5 -> sub(randomExpr(rnd, depth - 1), randomExpr(rnd, depth - 1));
            case 6 -> mul(randomExpr(rnd, depth - 1), randomExpr(rnd, depth - 1));
            case 7 -> pow(add(randomExpr(rnd, depth - 2 < 0 ? 0 : depth - 2), ref(XYZ.get(rnd.nextInt(3)))),
                    num(2 + rnd.nextInt(2)));
            default -> rnd.nextBoolean() ? neg(randomExpr(rnd, depth - 1))
                    : div(randomExpr(rnd, depth - 1), num(rnd.nextInt(5) + 1.5));
        };
    }

    @Test
    void rejectsNonPolynomials() {
        assertThatThrownBy(() -> expand(div(ref("x"), ref("y"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a polynomial in the variables")
                .hasMessageContaining("variable 'y' occurs in a denominator");
        assertThatThrownBy(() -> expand(pow(ref("x"), num(0.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable 'x' has a non-integer power");
        assertThatThrownBy(() -> expand(pow(ref("z"), num(-2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable 'z' occurs in a denominator");
        assertThatThrownBy(() -> expand(div(num(1), add(ref("x"), num(1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a polynomial in the variables: 'x' in a denominator (factor 1/(1+x) of the"
                        + " expanded term 1/(1+x))");
        assertThatThrownBy(() -> expand(pow(add(ref("x"), ref("y")), num(0.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x', 'y' under a non-integer power");
        assertThatThrownBy(() -> expand(mul(call("exp", ref("x")), num(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a polynomial: function 'exp' is applied to 'x'; only constants may appear inside"
                        + " functions");
    }

    @Test
    void bothRoutesRejectUnknownNamesAlike() {
        Expr e = mul(add(ref("x"), num(1)), ref("gamma"));
        assertThatThrownBy(() -> Symbolic.expand(e, R)).hasMessage("unknown name 'gamma': neither a variable nor a"
                + " parameter");
        assertThatThrownBy(() -> Symbolic.expandWithSymja(e, R)).hasMessage("unknown name 'gamma': neither a"
                + " variable nor a parameter");
        assertThatThrownBy(() -> Symbolic.expandWithSymja(num(Double.POSITIVE_INFINITY), R))
                .hasMessage("number literal is not finite: Infinity");
    }

    @Test
    void rejectsUnknownNamesAndFunctionsAndBadNumbers() {
        assertThatThrownBy(() -> expand(add(ref("x"), ref("foo"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown name 'foo': neither a variable nor a parameter");
        assertThatThrownBy(() -> expand(call("Sin", num(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown function 'Sin'");
        assertThatThrownBy(() -> expand(call("exp", num(1), num(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("function 'exp' takes 1 argument, got 2");
        assertThatThrownBy(() -> expand(mul(div(num(1), num(0)), ref("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a real number");
        assertThatThrownBy(() -> expand(mul(call("sqrt", num(-1)), ref("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a real number");
        assertThatThrownBy(() -> expand(pow(ref("x"), num(1e12))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable 'x' has a power too large for an int");
        // a runaway expansion fails fast instead of running for hours, on both routes
        Expr runaway = pow(add(add(ref("x"), ref("y")), add(ref("z"), num(1))), num(2000));
        List<String> many = new java.util.ArrayList<>();
        Expr wide = num(1);
        for (int i = 0; i < 200; i++) {
            many.add("u" + i);
            wide = add(wide, ref("u" + i));
        }
        Expr wideRunaway = pow(wide, num(64)); // (1 + u0 + ... + u199)^4 alone needs 4e8 products
        assertThatThrownBy(() -> Symbolic.expand(wideRunaway, resolver(many, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expansion too large: a product of polynomials with 20301 and 20301 terms");
        assertThatThrownBy(() -> Symbolic.expandWithSymja(runaway, R))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Symja could not expand the expression");
        assertThatThrownBy(() -> expand(num(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number literal is not finite: NaN");
    }
}
