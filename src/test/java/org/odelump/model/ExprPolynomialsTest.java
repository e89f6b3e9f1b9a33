package org.odelump.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprPolynomialsTest {

    private static final List<String> NAMES = List.of("x", "y");

    private static int index(String name) {
        return NAMES.indexOf(name);
    }

    @Test
    void convertsViewsWithParametersAndBackToTheSamePolynomial() {
        // 2*k*x - y/4 + (x + y)^2 with k = 1.5
        Expr e = new Expr.Binary(Expr.Op.ADD,
                new Expr.Binary(Expr.Op.SUB,
                        new Expr.Binary(Expr.Op.MUL, new Expr.Binary(Expr.Op.MUL, new Expr.Num(2), new Expr.Ref("k")),
                                new Expr.Ref("x")),
                        new Expr.Binary(Expr.Op.DIV, new Expr.Ref("y"), new Expr.Num(4))),
                new Expr.Binary(Expr.Op.POW, new Expr.Binary(Expr.Op.ADD, new Expr.Ref("x"), new Expr.Ref("y")),
                        new Expr.Num(2)));
        Polynomial p = ExprPolynomials.toPolynomial(e, ExprPolynomialsTest::index, Map.of("k", 1.5));
        assertThat(p.evaluate(new double[] {2, 3})).isEqualTo(2 * 1.5 * 2 - 3 / 4.0 + 25);
        Polynomial back = ExprPolynomials.toPolynomial(ExprPolynomials.toExpr(p, NAMES), ExprPolynomialsTest::index,
                Map.of());
        assertThat(back).isEqualTo(p);
        assertThat(ExprPolynomials.toExpr(Polynomial.ZERO, NAMES)).isEqualTo(new Expr.Num(0.0));
    }

    @Test
    void aSumOfAHundredThousandTermsNeedsNoDeepRecursion() {
        Expr sum = new Expr.Ref("x");
        for (int i = 0; i < 100_000; i++) {
            sum = new Expr.Binary(i % 2 == 0 ? Expr.Op.ADD : Expr.Op.SUB, sum, new Expr.Ref(i % 3 == 0 ? "x" : "y"));
        }
        Polynomial p = ExprPolynomials.toPolynomial(sum, ExprPolynomialsTest::index, Map.of());
        assertThat(p.size()).isLessThanOrEqualTo(2);
        assertThat(p.evaluate(new double[] {1, 0})).isEqualTo(1.0); // x, then +x and -x in turn every third term
    }

    @Test
    void whatIsNotAPolynomialIsNamed() {
        assertThatThrownBy(() -> ExprPolynomials.toPolynomial(
                new Expr.Binary(Expr.Op.DIV, new Expr.Num(1), new Expr.Ref("x")), ExprPolynomialsTest::index, Map.of()))
                .hasMessage("division by an expression of the variables or by zero");
        assertThatThrownBy(() -> ExprPolynomials.toPolynomial(
                new Expr.Call("var", List.of(new Expr.Ref("x"))), ExprPolynomialsTest::index, Map.of()))
                .hasMessage("function var(...) is not a polynomial");
        assertThatThrownBy(() -> ExprPolynomials.toPolynomial(new Expr.Ref("z"), ExprPolynomialsTest::index, Map.of()))
                .hasMessage("'z' is neither a variable nor a parameter");
    }

    @Test
    void aBinaryExpressionDiffersFromANameOrNumber() {
        Expr product = new Expr.Binary(Expr.Op.MUL, new Expr.Num(2), new Expr.Ref("k"));
        assertThat(product).isNotEqualTo(new Expr.Ref("k"));
        assertThat(new Expr.Binary(Expr.Op.ADD, product, new Expr.Ref("x")))
                .isNotEqualTo(new Expr.Binary(Expr.Op.ADD, new Expr.Ref("k"), new Expr.Ref("x")));
        assertThat(product).isEqualTo(new Expr.Binary(Expr.Op.MUL, new Expr.Num(2), new Expr.Ref("k")));
    }
}
