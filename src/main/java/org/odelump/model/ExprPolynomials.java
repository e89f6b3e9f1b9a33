package org.odelump.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Conversions between {@link Expr} and {@link Polynomial} for the small expressions a model carries besides its
 * drifts (views, observables): numbers, variables, parameters (replaced by their values), unary minus, + − ×,
 * division by a constant and powers with a constant non-negative integer exponent. Function calls (including
 * {@code var(X)}) are not polynomials here. Cost linear in the expression times the cost of the products.
 */
public final class ExprPolynomials {

    private ExprPolynomials() {
    }

    /** Why an expression is not a polynomial in the variables. */
    public static final class NotPolynomialException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotPolynomialException(String message) {
            super(message);
        }
    }

    /**
     * The expression as a polynomial.
     *
     * @param e          the expression
     * @param variable   index of a variable name, or -1 when the name is not a variable
     * @param parameters parameter values by name
     * @throws NotPolynomialException naming the first construct that is not polynomial or the undefined name
     */
    public static Polynomial toPolynomial(Expr e, ToIntFunction<String> variable, Map<String, Double> parameters) {
        if (e instanceof Expr.Num n) {
            return Polynomial.constant(n.value());
        }
        if (e instanceof Expr.Ref r) {
            int v = variable.applyAsInt(r.name());
            if (v >= 0) {
                return Polynomial.variable(v);
            }
            Double p = parameters.get(r.name());
            if (p == null) {
                throw new NotPolynomialException("'" + r.name() + "' is neither a variable nor a parameter");
            }
            return Polynomial.constant(p);
        }
        if (e instanceof Expr.Neg n) {
            return toPolynomial(n.operand(), variable, parameters).negate();
        }
        if (e instanceof Expr.Binary b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
            // sums are left-deep chains (a BioNetGen group of thousands of species): walk the spine, no recursion
            List<Expr.Binary> spine = new ArrayList<>();
            Expr cur = b;
            while (cur instanceof Expr.Binary x && (x.op() == Expr.Op.ADD || x.op() == Expr.Op.SUB)) {
                spine.add(x);
                cur = x.left();
            }
            Polynomial.Builder sum = Polynomial.builder().add(toPolynomial(cur, variable, parameters));
            for (int i = spine.size() - 1; i >= 0; i--) { // left to right, as written
                Expr.Binary x = spine.get(i);
                sum.add(toPolynomial(x.right(), variable, parameters), x.op() == Expr.Op.ADD ? 1.0 : -1.0);
            }
            return sum.build();
        }
        if (e instanceof Expr.Binary b) {
            Polynomial l = toPolynomial(b.left(), variable, parameters);
            Polynomial r = toPolynomial(b.right(), variable, parameters);
            switch (b.op()) {
                case ADD:
                    return l.plus(r);
                case SUB:
                    return l.minus(r);
                case MUL:
                    return l.times(r);
                case DIV:
                    if (!r.isConstant() || constantOf(r) == 0.0) {
                        throw new NotPolynomialException("division by an expression of the variables or by zero");
                    }
                    Polynomial.Builder q = Polynomial.builder();
                    for (int t = 0; t < l.size(); t++) {
                        q.add(l.monomial(t), l.coefficient(t) / constantOf(r)); // as the DSL's converter divides
                    }
                    return q.build();
                default:
                    double exp = r.isConstant() ? constantOf(r) : Double.NaN;
                    if (l.isConstant() && r.isConstant()) {
                        return Polynomial.constant(Math.pow(constantOf(l), exp));
                    }
                    if (!(exp >= 0) || exp != Math.rint(exp) || exp > 64) {
                        throw new NotPolynomialException("power with an exponent that is not a constant integer "
                                + "from 0 to 64");
                    }
                    return l.pow((int) exp);
            }
        }
        Expr.Call c = (Expr.Call) e;
        throw new NotPolynomialException("function " + c.function() + "(...) is not a polynomial");
    }

    private static double constantOf(Polynomial p) {
        return p.isZero() ? 0.0 : p.coefficient(0);
    }

    /** The polynomial as a sum of products {@code c*x^e*...}, names taken from {@code names}; 0 when zero. */
    public static Expr toExpr(Polynomial p, List<String> names) {
        Expr sum = null;
        for (int t = 0; t < p.size(); t++) {
            Monomial m = p.monomial(t);
            double c = p.coefficient(t);
            Expr term = null;
            for (int j = 0; j < m.size(); j++) {
                Expr f = new Expr.Ref(names.get(m.var(j)));
                if (m.exp(j) != 1) {
                    f = new Expr.Binary(Expr.Op.POW, f, new Expr.Num(m.exp(j)));
                }
                term = term == null ? f : new Expr.Binary(Expr.Op.MUL, term, f);
            }
            double abs = Math.abs(c);
            if (term == null) {
                term = new Expr.Num(abs);
            } else if (abs != 1.0) {
                term = new Expr.Binary(Expr.Op.MUL, new Expr.Num(abs), term);
            }
            if (sum == null) {
                sum = c < 0 ? new Expr.Neg(term) : term;
            } else {
                sum = new Expr.Binary(c < 0 ? Expr.Op.SUB : Expr.Op.ADD, sum, term);
            }
        }
        return sum == null ? new Expr.Num(0.0) : sum;
    }
}
