package org.odelump.io;

import java.util.List;
import org.odelump.io.NetExpr.Bin;
import org.odelump.io.NetExpr.Call;
import org.odelump.io.NetExpr.Failure;
import org.odelump.io.NetExpr.Name;
import org.odelump.io.NetExpr.Neg;
import org.odelump.io.NetExpr.Node;
import org.odelump.io.NetExpr.Num;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Polynomial;

/**
 * Evaluation of {@link NetExpr} trees: to a number (parameters, initial amounts) or to a polynomial in the species
 * (rates, function bodies). Built-in functions: {@code exp ln log log10 log2 sqrt abs min max floor ceil rint sign
 * sin cos tan asin acos atan sinh cosh tanh}; {@code log} is the natural logarithm, as in BioNetGen's Perl
 * evaluator. Constants {@code _pi} and {@code _e}. In a polynomial, built-ins may only be applied to constants.
 */
final class NetEval {

    /** Largest integer power of a species expression that is expanded. */
    static final int MAX_POWER = 32;

    /** Largest number of terms an expanded rate or function may have. */
    static final int MAX_TERMS = 100_000;

    private NetEval() {
    }

    /** Resolves names to numbers. */
    interface ValueScope {
        double value(Name name) throws Failure;
    }

    /** Resolves names and user-function calls to polynomials in the species. */
    interface PolyScope {
        Polynomial value(Name name) throws Failure;

        /** A call of a user-defined function, or null when {@code call} names none. */
        Polynomial call(Call call) throws Failure;
    }

    static boolean isConstantName(String name) {
        return name.equals("_pi") || name.equals("_e");
    }

    private static double constantName(String name) {
        return name.equals("_pi") ? Math.PI : Math.E;
    }

    /** The numeric value of {@code n}. */
    static double value(Node n, ValueScope scope) throws Failure {
        if (n instanceof Num num) {
            return num.value();
        } else if (n instanceof Name name) {
            return isConstantName(name.name()) ? constantName(name.name()) : scope.value(name);
        } else if (n instanceof Neg neg) {
            return -value(neg.operand(), scope);
        } else if (n instanceof Bin b) {
            double l = value(b.left(), scope);
            double r = value(b.right(), scope);
            switch (b.op()) {
                case '+':
                    return l + r;
                case '-':
                    return l - r;
                case '*':
                    return l * r;
                case '/':
                    if (r == 0.0) {
                        throw new Failure(b.pos(), Kind.SEMANTIC, "division by zero");
                    }
                    return l / r;
                default:
                    return Math.pow(l, r);
            }
        }
        Call c = (Call) n;
        double[] args = new double[c.args().size()];
        for (int k = 0; k < args.length; k++) {
            args[k] = value(c.args().get(k), scope);
        }
        return builtin(c, args);
    }

    /** The value of {@code n} as a polynomial in the species. */
    static Polynomial poly(Node n, PolyScope scope) throws Failure {
        try {
            return polyUnchecked(n, scope);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Failure(start(n), Kind.SEMANTIC, "the expression overflows: " + e.getMessage());
        }
    }

    private static Polynomial polyUnchecked(Node n, PolyScope scope) throws Failure {
        if (n instanceof Num num) {
            return Polynomial.constant(num.value());
        } else if (n instanceof Name name) {
            return isConstantName(name.name()) ? Polynomial.constant(constantName(name.name())) : scope.value(name);
        } else if (n instanceof Neg neg) {
            return polyUnchecked(neg.operand(), scope).negate();
        } else if (n instanceof Bin b) {
            Polynomial l = polyUnchecked(b.left(), scope);
            Polynomial r = polyUnchecked(b.right(), scope);
            switch (b.op()) {
                case '+':
                    return l.plus(r);
                case '-':
                    return l.minus(r);
                case '*':
                    return times(b, l, r);
                case '/':
                    if (!r.isConstant()) {
                        throw new Failure(b.pos(), Kind.NOT_POLYNOMIAL,
                                "division by '" + NetExpr.text(b.right()) + "', which depends on the species");
                    }
                    if (r.isZero()) {
                        throw new Failure(b.pos(), Kind.SEMANTIC, "division by zero");
                    }
                    return l.scale(1.0 / constantOf(r));
                default:
                    return power(b, l, r);
            }
        }
        Call c = (Call) n;
        Polynomial user = scope.call(c);
        if (user != null) {
            return user;
        }
        double[] args = new double[c.args().size()];
        for (int k = 0; k < args.length; k++) {
            Polynomial a = polyUnchecked(c.args().get(k), scope);
            if (!a.isConstant()) {
                throw new Failure(c.pos(), Kind.NOT_POLYNOMIAL,
                        "'" + c.name() + "' of an expression that depends on the species");
            }
            args[k] = constantOf(a);
        }
        return Polynomial.constant(builtin(c, args));
    }

    private static Polynomial power(Bin b, Polynomial base, Polynomial exponent) throws Failure {
        if (!exponent.isConstant()) {
            throw new Failure(b.pos(), Kind.NOT_POLYNOMIAL,
                    "the exponent '" + NetExpr.text(b.right()) + "' depends on the species");
        }
        double e = constantOf(exponent);
        if (base.isConstant()) {
            return Polynomial.constant(Math.pow(constantOf(base), e));
        }
        if (e != Math.rint(e) || e < 0 || e > MAX_POWER) {
            throw new Failure(b.pos(), Kind.NOT_POLYNOMIAL, "the power "
                    + org.odelump.model.Numbers.format(e) + " of an expression of the species (only integer powers 0.."
                    + MAX_POWER + " are polynomial)");
        }
        Polynomial result = Polynomial.constant(1.0);
        for (int k = 0; k < (int) e; k++) {
            result = times(b, result, base);
        }
        return result;
    }

    /** A product, refused when it would have more than {@link #MAX_TERMS} terms. */
    private static Polynomial times(Bin b, Polynomial l, Polynomial r) throws Failure {
        if ((long) l.size() * r.size() > MAX_TERMS) {
            throw new Failure(b.pos(), Kind.UNSUPPORTED, "the expression expands to more than " + MAX_TERMS
                    + " terms");
        }
        Polynomial p = l.times(r);
        if (p.size() > MAX_TERMS) {
            throw new Failure(b.pos(), Kind.UNSUPPORTED, "the expression expands to more than " + MAX_TERMS
                    + " terms");
        }
        return p;
    }

    /** Index of the first character of {@code n} (a binary node's own position is its operator). */
    static int start(Node n) {
        Node k = n;
        while (k instanceof Bin b) {
            k = b.left();
        }
        return Math.min(k.pos(), n.pos());
    }

    /** The value of a constant polynomial. */
    static double constantOf(Polynomial p) {
        return p.isZero() ? 0.0 : p.coefficient(0);
    }

    private static double builtin(Call c, double[] a) throws Failure {
        String f = c.name();
        if (f.equals("min") || f.equals("max")) {
            if (a.length == 0) {
                throw new Failure(c.pos(), Kind.SEMANTIC, "'" + f + "' needs at least one argument");
            }
            double v = a[0];
            for (double x : a) {
                v = f.equals("min") ? Math.min(v, x) : Math.max(v, x);
            }
            return v;
        }
        if (!UNARY.contains(f)) {
            throw new Failure(c.pos(), Kind.UNSUPPORTED, "unknown function '" + f + "'");
        }
        if (a.length != 1) {
            throw new Failure(c.pos(), Kind.SEMANTIC, "'" + f + "' takes 1 argument, got " + a.length);
        }
        double x = a[0];
        switch (f) {
            case "exp":
                return Math.exp(x);
            case "ln":
            case "log":
                return Math.log(x);
            case "log10":
                return Math.log10(x);
            case "log2":
                return Math.log(x) / Math.log(2.0);
            case "sqrt":
                return Math.sqrt(x);
            case "abs":
                return Math.abs(x);
            case "floor":
                return Math.floor(x);
            case "ceil":
                return Math.ceil(x);
            case "rint":
                return Math.rint(x);
            case "sign":
                return Math.signum(x);
            case "sin":
                return Math.sin(x);
            case "cos":
                return Math.cos(x);
            case "tan":
                return Math.tan(x);
            case "asin":
                return Math.asin(x);
            case "acos":
                return Math.acos(x);
            case "atan":
                return Math.atan(x);
            case "sinh":
                return Math.sinh(x);
            case "cosh":
                return Math.cosh(x);
            default:
                return Math.tanh(x);
        }
    }

    private static final List<String> UNARY = List.of("exp", "ln", "log", "log10", "log2", "sqrt", "abs", "floor",
            "ceil", "rint", "sign", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh");

    /** True when {@code name} is a built-in function. */
    static boolean isBuiltin(String name) {
        return name.equals("min") || name.equals("max") || UNARY.contains(name);
    }
}
