package org.odelump.dsl;

import java.util.ArrayList;
import java.util.List;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.Polynomial;
import org.odelump.symbolic.NameResolver;

/**
 * Converts an {@link Expr} into a numeric {@link Polynomial} over the variables of a {@link NameResolver}, natively
 * (no Symja): sums, products, integer powers, division by constants and functions of constants. A sum of simple
 * products, the common case, is accumulated term by term without intermediate polynomials, and sums and products
 * of any length are walked by loops. Cost is linear in the size of an expanded input.
 *
 * <p>Failures are {@link ExprFailure}s naming the offending sub-expression.
 */
final class PolyConverter {

    /** Largest exponent expanded for a power of a sum. */
    static final int MAX_SUM_POWER = 64;
    /** Largest exponent of a single variable. */
    static final int MAX_EXPONENT = 100_000;

    /** Thrown in expanded-only mode when the input is not an expanded polynomial. */
    static final class NotExpanded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotExpanded() {
            super("not an expanded polynomial", null, false, false);
        }
    }

    private static final NotExpanded NOT_EXPANDED = new NotExpanded();

    private final NameResolver scope;
    private final boolean expandedOnly;

    /** A converter for any polynomial expression. */
    PolyConverter(NameResolver scope) {
        this(scope, false);
    }

    /**
     * With {@code expandedOnly}, only an already expanded polynomial is accepted (a sum of products of numbers,
     * parameters, variables and variables to non-negative integer powers); anything else throws
     * {@link NotExpanded}, so that the caller can hand it to the symbolic gateway.
     */
    PolyConverter(NameResolver scope, boolean expandedOnly) {
        this.scope = scope;
        this.expandedOnly = expandedOnly;
    }

    Polynomial convert(Expr e) {
        if (expandedOnly) {
            return expanded(e);
        }
        return general(e);
    }

    private Polynomial expanded(Expr e) {
        if (e instanceof Expr.Binary b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
            return sum(b);
        }
        SimpleTerm st = simpleTerm(e);
        if (st == null) {
            throw NOT_EXPANDED;
        }
        return Polynomial.term(st.coefficient, st.monomial);
    }

    private Polynomial general(Expr e) {
        if (e instanceof Expr.Num n) {
            return constant(n.value(), e);
        }
        if (e instanceof Expr.Ref r) {
            int i = scope.variableIndex(r.name());
            if (i >= 0) {
                return Polynomial.variable(i);
            }
            Double v = scope.parameterValue(r.name());
            if (v != null) {
                return constant(v, e);
            }
            throw new ExprFailure(Kind.SEMANTIC, ExprFailure.Reason.UNDECLARED, r.name(), e);
        }
        if (e instanceof Expr.Neg n) {
            return convert(n.operand()).negate();
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        Expr.Binary b = (Expr.Binary) e;
        switch (b.op()) {
            case ADD:
            case SUB:
                return sum(b);
            case MUL:
                return product(b);
            case DIV:
                return divide(convert(b.left()), b.right(), b);
            default:
                return power(convert(b.left()), b.right(), b.left());
        }
    }

    private Polynomial sum(Expr.Binary top) {
        List<Expr> terms = new ArrayList<>();
        List<Boolean> minus = new ArrayList<>();
        Expr cur = top;
        while (cur instanceof Expr.Binary b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
            terms.add(b.right());
            minus.add(b.op() == Expr.Op.SUB);
            cur = b.left();
        }
        terms.add(cur);
        minus.add(false);
        Polynomial.Builder acc = Polynomial.builder();
        for (int i = terms.size() - 1; i >= 0; i--) {
            Expr t = terms.get(i);
            double sign = minus.get(i) ? -1 : 1;
            SimpleTerm st = simpleTerm(t);
            if (st != null) {
                acc.add(st.monomial, sign * st.coefficient);
            } else if (expandedOnly) {
                throw NOT_EXPANDED;
            } else {
                acc.add(convert(t), sign);
            }
        }
        Polynomial r = acc.build();
        checkFinite(r, top);
        return r;
    }

    /** A term c·m found without building polynomials, or null when {@code t} is not a plain product. */
    private record SimpleTerm(double coefficient, Monomial monomial) {
    }

    private SimpleTerm simpleTerm(Expr t) {
        List<Expr> factors = new ArrayList<>(4);
        List<Boolean> divide = new ArrayList<>(4);
        Expr cur = t;
        while (cur instanceof Expr.Binary b && (b.op() == Expr.Op.MUL || b.op() == Expr.Op.DIV)) {
            factors.add(b.right());
            divide.add(b.op() == Expr.Op.DIV);
            cur = b.left();
        }
        factors.add(cur);
        divide.add(false);
        double c = 1;
        Monomial m = Monomial.ONE;
        for (int i = factors.size() - 1; i >= 0; i--) {
            Expr f = factors.get(i);
            boolean div = divide.get(i);
            while (f instanceof Expr.Neg neg) {
                c = -c;
                f = neg.operand();
            }
            if (f instanceof Expr.Num n) {
                c = div ? c / n.value() : c * n.value();
            } else if (f instanceof Expr.Ref r) {
                int v = scope.variableIndex(r.name());
                if (v >= 0 && !div) {
                    m = m.times(Monomial.of(v));
                } else {
                    Double p = v >= 0 ? null : scope.parameterValue(r.name());
                    if (p == null) {
                        return null;
                    }
                    c = div ? c / p : c * p;
                }
            } else if (!div && f instanceof Expr.Binary pw && pw.op() == Expr.Op.POW
                    && pw.left() instanceof Expr.Ref base && pw.right() instanceof Expr.Num ex
                    && scope.variableIndex(base.name()) >= 0 && ex.value() >= 0 && ex.value() <= MAX_EXPONENT
                    && ex.value() == Math.rint(ex.value())) {
                m = m.times(Monomial.of(scope.variableIndex(base.name()), (int) ex.value()));
            } else {
                return null;
            }
        }
        if (!Double.isFinite(c)) {
            return null; // let the general path report where
        }
        return new SimpleTerm(c, m);
    }

    private Polynomial product(Expr.Binary top) {
        SimpleTerm st = simpleTerm(top);
        if (st != null) {
            return Polynomial.term(st.coefficient, st.monomial);
        }
        List<Expr> factors = new ArrayList<>();
        List<Boolean> divide = new ArrayList<>();
        Expr cur = top;
        while (cur instanceof Expr.Binary b && (b.op() == Expr.Op.MUL || b.op() == Expr.Op.DIV)) {
            factors.add(b.right());
            divide.add(b.op() == Expr.Op.DIV);
            cur = b.left();
        }
        Polynomial acc = convert(cur);
        for (int i = factors.size() - 1; i >= 0; i--) {
            acc = divide.get(i) ? divide(acc, factors.get(i), factors.get(i)) : acc.times(convert(factors.get(i)));
            checkFinite(acc, factors.get(i));
        }
        return acc;
    }

    private Polynomial divide(Polynomial num, Expr denExpr, Expr at) {
        Polynomial den = convert(denExpr);
        if (den.isConstant()) {
            double d = den.isZero() ? 0 : den.coefficient(0);
            if (d == 0) {
                throw new ExprFailure(Kind.SEMANTIC, "division by zero", denExpr);
            }
            Polynomial.Builder out = Polynomial.builder();
            for (int t = 0; t < num.size(); t++) {
                out.add(num.monomial(t), num.coefficient(t) / d);
            }
            Polynomial r = out.build();
            checkFinite(r, at);
            return r;
        }
        if (num.isZero()) {
            return Polynomial.ZERO;
        }
        throw new ExprFailure(Kind.NOT_POLYNOMIAL, "a variable in a denominator is not polynomial", denExpr);
    }

    private Polynomial power(Polynomial base, Expr exponentExpr, Expr baseExpr) {
        Polynomial ex = convert(exponentExpr);
        if (!ex.isConstant()) {
            throw new ExprFailure(Kind.NOT_POLYNOMIAL, "an exponent that depends on a variable is not polynomial",
                    exponentExpr);
        }
        double x = ex.isZero() ? 0 : ex.coefficient(0);
        if (base.isConstant()) {
            double r = Math.pow(base.isZero() ? 0 : base.coefficient(0), x);
            return constant(r, exponentExpr);
        }
        if (x < 0 || x != Math.rint(x)) {
            throw new ExprFailure(Kind.NOT_POLYNOMIAL, "the exponent " + org.odelump.model.Numbers.format(x)
                    + " of a variable expression is not a non-negative integer", exponentExpr);
        }
        if (x > MAX_EXPONENT || (base.size() > 1 && x > MAX_SUM_POWER)) {
            throw new ExprFailure(Kind.UNSUPPORTED, "the power " + org.odelump.model.Numbers.format(x)
                    + " is too large to expand", exponentExpr);
        }
        Polynomial r = base.pow((int) x);
        checkFinite(r, baseExpr);
        return r;
    }

    private Polynomial call(Expr.Call c) {
        String f = c.function();
        if (f.equals("var") || f.equals("covar")) {
            throw new ExprFailure(Kind.SEMANTIC, f + "(...) is only allowed in views", c);
        }
        if (!Functions.isKnown(f)) {
            throw new ExprFailure(Kind.SEMANTIC, "unknown function '" + f + "'", c);
        }
        String arity = Functions.arityProblem(f, c.args().size());
        if (arity != null) {
            throw new ExprFailure(Kind.SEMANTIC, arity, c);
        }
        if (f.equals("pow")) {
            return power(convert(c.args().get(0)), c.args().get(1), c.args().get(0));
        }
        double[] values = new double[c.args().size()];
        for (int i = 0; i < values.length; i++) {
            Polynomial a = convert(c.args().get(i));
            if (!a.isConstant()) {
                throw new ExprFailure(Kind.NOT_POLYNOMIAL, f + "(...) of a variable expression is not polynomial", c);
            }
            values[i] = a.isZero() ? 0 : a.coefficient(0);
        }
        return constant(Functions.apply(f, values), c);
    }

    private static Polynomial constant(double v, Expr at) {
        if (!Double.isFinite(v)) {
            throw new ExprFailure(Kind.SEMANTIC, "the value is not a finite number", at);
        }
        return v == 0 ? Polynomial.ZERO : Polynomial.constant(v);
    }

    private static void checkFinite(Polynomial p, Expr at) {
        for (int t = 0; t < p.size(); t++) {
            if (!Double.isFinite(p.coefficient(t))) {
                throw new ExprFailure(Kind.SEMANTIC, "a coefficient is not a finite number", at);
            }
        }
    }
}
