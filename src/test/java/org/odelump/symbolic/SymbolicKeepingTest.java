package org.odelump.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.odelump.symbolic.TestExprs.add;
import static org.odelump.symbolic.TestExprs.call;
import static org.odelump.symbolic.TestExprs.div;
import static org.odelump.symbolic.TestExprs.eval;
import static org.odelump.symbolic.TestExprs.mul;
import static org.odelump.symbolic.TestExprs.num;
import static org.odelump.symbolic.TestExprs.pow;
import static org.odelump.symbolic.TestExprs.ref;
import static org.odelump.symbolic.TestExprs.resolver;
import static org.odelump.symbolic.TestExprs.sub;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.Polynomial;

class SymbolicKeepingTest {

    private static final List<String> XYZ = List.of("x", "y", "z");
    private static final Map<String, Double> PARAMS = Map.of("k1", 0.5, "k2", 3.0, "k3", -0.25, "gamma", 1.5);
    private static final NameResolver R = resolver(XYZ, PARAMS);
    private static final Monomial X = Monomial.of(0);
    private static final Monomial Z = Monomial.of(2);
    private static final Monomial XY = Monomial.of(new int[] {0, 1}, new int[] {1, 1});

    @Test
    void massActionTermsKeepTheirRateConstants() {
        // k1*x*y - 2*k2*z + k3*x (k3 substituted)
        Expr e = add(sub(mul(mul(ref("k1"), ref("x")), ref("y")), mul(mul(num(2), ref("k2")), ref("z"))),
                mul(ref("k3"), ref("x")));
        SymbolicPolynomial p = Symbolic.expandKeeping(e, R, Set.of("k2", "k1"));
        assertThat(p.parameterNames()).containsExactly("k1", "k2");
        assertThat(p.format(XYZ)).isEqualTo("-0.25*x - 2*k2*z + k1*x*y");
        assertThat(p.isLinearInParameters()).isTrue();

        LinearCoefficient cxy = p.linearCoefficientOf(XY);
        assertThat(cxy.constant()).isEqualTo(0.0);
        assertThat(cxy.coefficients()).containsExactly(1.0, 0.0);
        LinearCoefficient cz = p.linearCoefficientOf(Z);
        assertThat(cz.coefficientOf("k2")).isEqualTo(-2.0);
        assertThat(cz.coefficientOf("k1")).isEqualTo(0.0);
        LinearCoefficient cx = p.linearCoefficientOf(X);
        assertThat(cx.constant()).isEqualTo(-0.25);
        assertThat(cx.coefficients()).containsExactly(0.0, 0.0);
        assertThat(p.linearCoefficientOf(Monomial.of(1)).coefficients()).containsExactly(0.0, 0.0);

        // evaluating at the resolver's values gives the plain expansion
        assertThat(p.evaluate(PARAMS)).isEqualTo(Symbolic.expand(e, R));
    }

    @Test
    void affineCoefficientsCollectConstantAndParameterParts() {
        // (k1 + 2*k2 - 1 + gamma) * x * (y + 1), gamma kept as well: a name Symja knows as a built-in
        Expr e = mul(mul(add(add(sub(ref("k1"), num(1)), mul(num(2), ref("k2"))), ref("gamma")), ref("x")),
                add(ref("y"), num(1)));
        SymbolicPolynomial p = Symbolic.expandKeeping(e, R, Set.of("k1", "k2", "gamma"));
        assertThat(p.parameterNames()).containsExactly("gamma", "k1", "k2");
        assertThat(p.size()).isEqualTo(2);
        for (Monomial m : List.of(X, XY)) {
            LinearCoefficient c = p.linearCoefficientOf(m);
            assertThat(c.constant()).isEqualTo(-1.0);
            assertThat(c.coefficients()).containsExactly(1.0, 1.0, 2.0);
            assertThat(c.evaluate(new double[] {1.5, 0.5, 3.0})).isEqualTo(7.0);
        }
        assertThat(p.format(XYZ)).isEqualTo("(-1 + gamma + k1 + 2*k2)*x + (-1 + gamma + k1 + 2*k2)*x*y");
    }

    @Test
    void nonLinearCoefficientsEvaluateButRefuseTheLinearView() {
        // (k1*x + k2)^2 * (k1 - y)
        Expr e = mul(pow(add(mul(ref("k1"), ref("x")), ref("k2")), num(2)), sub(ref("k1"), ref("y")));
        SymbolicPolynomial p = Symbolic.expandKeeping(e, R, Set.of("k1", "k2"));
        assertThat(p.isLinearInParameters()).isFalse();
        assertThatThrownBy(() -> p.linearCoefficientOf(Monomial.of(0, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not linear in the kept parameters");
        // y's coefficient is -k2^2; x^2*y's is -k1^2
        assertThat(p.coefficientOf(Monomial.of(1))).isEqualTo(Polynomial.term(-1, Monomial.of(1, 2)));

        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            double k1 = rnd.nextDouble() * 4 - 2;
            double k2 = rnd.nextDouble() * 4 - 2;
            Polynomial numeric = p.evaluate(Map.of("k1", k1, "k2", k2));
            double[] x = {rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1, 0};
            Map<String, Double> values = new HashMap<>(Map.of("k1", k1, "k2", k2, "x", x[0], "y", x[1]));
            assertThat(numeric.evaluate(x)).isCloseTo(eval(e, values),
                    org.assertj.core.data.Offset.offset(1e-12));
            // each coefficient as an Expr evaluates like its polynomial
            for (int i = 0; i < p.size(); i++) {
                assertThat(eval(p.coefficient(i), values)).isCloseTo(p.evaluateCoefficient(i, new double[] {k1, k2}),
                        org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void keptParametersMustOccurPolynomially() {
        assertThatThrownBy(() -> Symbolic.expandKeeping(div(ref("x"), ref("k1")), R, Set.of("k1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kept parameter 'k1' occurs in a denominator");
        assertThatThrownBy(() -> Symbolic.expandKeeping(div(ref("x"), add(ref("k1"), num(1))), R, Set.of("k1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a polynomial in the variables and kept parameters: 'k1' in a"
                        + " denominator");
        assertThatThrownBy(() -> Symbolic.expandKeeping(mul(call("exp", ref("k1")), ref("x")), R, Set.of("k1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("function 'exp' is applied to 'k1'");
        // substituted, the same expressions are fine
        assertThat(Symbolic.expand(div(ref("x"), ref("k1")), R)).isEqualTo(Polynomial.term(2, X));
    }

    @Test
    void builtInLookingNamesCanBeKept() {
        NameResolver r = resolver(List.of("x", "y", "x_1"),
                Map.of("I", 2.0, "D", 3.0, "N", 5.0, "pi", 7.0, "E", 11.0, "Sin", 13.0));
        // I*I*x + D*N*y - pi*E*x_1 + Sin: I^2 is not -1, D and N are no operators, pi and E are no constants
        Expr e = add(sub(add(mul(mul(ref("I"), ref("I")), ref("x")), mul(mul(ref("D"), ref("N")), ref("y"))),
                mul(mul(ref("pi"), ref("E")), ref("x_1"))), ref("Sin"));
        SymbolicPolynomial p = Symbolic.expandKeeping(e, r, Set.of("I", "D", "N", "pi", "E", "Sin"));
        assertThat(p.parameterNames()).containsExactly("D", "E", "I", "N", "Sin", "pi");
        assertThat(p.format(List.of("x", "y", "x_1"))).isEqualTo("Sin + I^2*x + D*N*y - E*pi*x_1");
        assertThat(p.evaluate(Map.of("I", 2.0, "D", 3.0, "N", 5.0, "pi", 7.0, "E", 11.0, "Sin", 13.0)))
                .isEqualTo(Symbolic.expand(e, r));
    }

    @Test
    void constructionAndEvaluationCheckTheirArguments() {
        Map<Monomial, Polynomial> terms = Map.of(X, Polynomial.variable(1));
        assertThatThrownBy(() -> SymbolicPolynomial.of(List.of("k1"), terms))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uses a parameter index >= 1");
        SymbolicPolynomial p = SymbolicPolynomial.of(List.of("k1", "k2"), terms);
        assertThat(p.format(XYZ)).isEqualTo("k2*x");
        assertThat(SymbolicPolynomial.toExpr(p.coefficientPolynomial(0), p.parameterNames())).isEqualTo(ref("k2"));
        assertThatThrownBy(() -> p.evaluate(Map.of("k2", 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no value for kept parameter 'k1'");
        assertThatThrownBy(() -> p.evaluate(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 2 parameter values [k1, k2], got 1");
        assertThat(p.evaluate(new double[] {5, -2})).isEqualTo(Polynomial.term(-2, X));
    }

    @Test
    void keptNamesMustBeParameters() {
        assertThatThrownBy(() -> Symbolic.expandKeeping(ref("x"), R, Set.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot keep 'x' symbolic: it is a variable, not a parameter");
        assertThatThrownBy(() -> Symbolic.expandKeeping(ref("x"), R, Set.of("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot keep 'nope' symbolic: it is not a parameter");
    }

    @Test
    void printerIsReadableAndAgreesWithPlainPolynomials() {
        Polynomial p = Polynomial.builder().add(XY, 2).add(Z, -0.5).add(Monomial.ONE, 1).add(X, -1).build();
        assertThat(SymbolicPolynomial.of(p).format(XYZ)).isEqualTo(p.format(XYZ)).isEqualTo("1 - x - 0.5*z + 2*x*y");
        assertThat(SymbolicPolynomial.of(Polynomial.ZERO).format(XYZ)).isEqualTo("0");
        assertThat(SymbolicPolynomial.of(Polynomial.constant(-3)).format(XYZ)).isEqualTo("-3");
        assertThat(SymbolicPolynomial.of(p).toPolynomial()).isEqualTo(p);
        // a constant term that depends on a kept parameter only
        SymbolicPolynomial q = Symbolic.expandKeeping(add(mul(ref("k1"), ref("k1")), ref("z")), R, Set.of("k1"));
        assertThat(q.format(XYZ)).isEqualTo("k1^2 + z");
        assertThat(q.isNumeric()).isFalse();
        assertThatThrownBy(q::toPolynomial).isInstanceOf(IllegalStateException.class);
    }
}
