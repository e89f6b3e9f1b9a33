package org.odelump.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.odelump.model.Diagnostic;
import org.odelump.model.Monomial;
import org.odelump.model.Polynomial;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.Model;

/**
 * Turns a JSBML MathML tree into a {@link Polynomial} over odelump's variable indices, walking the tree itself
 * (no string formula is parsed). Numbers, names, {@code + - * /}, powers, roots, elementary functions and
 * function-definition calls are understood; division and elementary functions are allowed only where their
 * argument is constant, a power of a non-constant base only with a non-negative integer exponent. Function
 * definitions are inlined by binding their arguments to the polynomials of the call's arguments.
 *
 * <p>Names are resolved by a {@link Resolver} given per call, so the same walker computes rates (names are
 * variables or substituted rule expressions) and initial values (every name is a number).
 */
final class SbmlMath {

    /** Resolves an SBML identifier used in math to a polynomial, or throws {@link Failure}. */
    interface Resolver {
        Polynomial resolve(String name, ASTNode at);
    }

    /** Why an expression is not a polynomial (or not supported): the offending node and a reason. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Diagnostic.Kind kind;
        final transient ASTNode node;
        final String function;

        Failure(Diagnostic.Kind kind, ASTNode node, String reason, String function) {
            super(reason, null, false, false);
            this.kind = kind;
            this.node = node;
            this.function = function;
        }

        Failure(Diagnostic.Kind kind, ASTNode node, String reason) {
            this(kind, node, reason, null);
        }
    }

    /** The value of the avogadro csymbol fixed by the SBML Level 3 Core specification. */
    static final double AVOGADRO = 6.02214179e23;

    /** Largest integer power of a non-constant expression that is expanded. */
    static final int MAX_EXPONENT = 1000;

    private final Model model;
    private final List<String> variableNames;
    private final Deque<Map<String, Polynomial>> frames = new ArrayDeque<>();
    private final Deque<String> calls = new ArrayDeque<>();

    SbmlMath(Model model, List<String> variableNames) {
        this.model = model;
        this.variableNames = variableNames;
    }

    /** The polynomial of {@code node}; names that are not function arguments go to {@code resolver}. */
    Polynomial toPolynomial(ASTNode node, Resolver resolver) {
        // re-entrant: a resolver may convert a rule's math while a law is being converted; frames stay balanced
        return walk(node, resolver);
    }

    /** The constant value of {@code node}, failing when it depends on a variable. */
    double toConstant(ASTNode node, Resolver resolver) {
        Polynomial p = toPolynomial(node, resolver);
        if (!p.isConstant()) {
            throw new Failure(Diagnostic.Kind.NOT_POLYNOMIAL, node,
                    "'" + formula(node) + "' must be constant but depends on " + names(p.variables()));
        }
        return constantOf(p);
    }

    static double constantOf(Polynomial p) {
        return p.coefficientOf(Monomial.ONE);
    }

    /** Infix text of a node for messages (JSBML's printer; never parsed back). */
    static String formula(ASTNode node) {
        try {
            return node.toFormula();
        } catch (RuntimeException e) {
            return node.toString();
        }
    }

    String names(BitSet vars) {
        List<String> out = new ArrayList<>();
        for (int v = vars.nextSetBit(0); v >= 0; v = vars.nextSetBit(v + 1)) {
            out.add(v < variableNames.size() ? variableNames.get(v) : "x" + v);
        }
        return String.join(", ", out);
    }

    private Polynomial walk(ASTNode n, Resolver r) {
        ASTNode.Type t = n.getType();
        switch (t) {
            case INTEGER:
                return Polynomial.constant(n.getInteger());
            case REAL:
            case REAL_E:
                return Polynomial.constant(n.getReal());
            case RATIONAL:
                return Polynomial.constant((double) n.getNumerator() / n.getDenominator());
            case CONSTANT_E:
                return Polynomial.constant(Math.E);
            case CONSTANT_PI:
                return Polynomial.constant(Math.PI);
            case NAME_AVOGADRO:
                return Polynomial.constant(AVOGADRO);
            case NAME:
                return name(n, r);
            case NAME_TIME:
                throw new Failure(Diagnostic.Kind.UNSUPPORTED, n,
                        "the time symbol '" + n.getName() + "' is not supported (drifts must not depend on time)");
            case SEMANTICS:
                return walk(n.getChild(0), r);
            case PLUS:
            case SUM: {
                Polynomial.Builder b = Polynomial.builder();
                for (ASTNode c : n.getChildren()) {
                    b.add(walk(c, r));
                }
                return b.build();
            }
            case MINUS:
                if (n.getChildCount() == 1) {
                    return walk(n.getChild(0), r).negate();
                }
                return walk(n.getChild(0), r).minus(walk(n.getChild(1), r));
            case TIMES:
            case PRODUCT: {
                Polynomial p = Polynomial.constant(1);
                for (ASTNode c : n.getChildren()) {
                    p = p.times(walk(c, r));
                }
                return p;
            }
            case DIVIDE:
                return divide(n, r);
            case POWER:
            case FUNCTION_POWER:
                return power(n, walk(n.getChild(0), r), walk(n.getChild(1), r));
            case FUNCTION_ROOT:
                return root(n, r);
            case FUNCTION:
                return call(n, r);
            case FUNCTION_PIECEWISE:
            case CONSTRUCTOR_PIECE:
            case CONSTRUCTOR_OTHERWISE:
                throw new Failure(Diagnostic.Kind.UNSUPPORTED, n, "piecewise is not supported: '" + formula(n) + "'");
            case FUNCTION_DELAY:
                throw new Failure(Diagnostic.Kind.UNSUPPORTED, n, "delay is not supported: '" + formula(n) + "'");
            case FUNCTION_RATE_OF:
                throw new Failure(Diagnostic.Kind.UNSUPPORTED, n, "rateOf is not supported: '" + formula(n) + "'");
            default:
                break;
        }
        DoubleUnaryOperator f = elementary(t);
        if (f != null && n.getChildCount() == 1) {
            Polynomial arg = walk(n.getChild(0), r);
            if (!arg.isConstant()) {
                throw new Failure(Diagnostic.Kind.NOT_POLYNOMIAL, n, "'" + formula(n) + "' applies "
                        + t.name().substring("FUNCTION_".length()).toLowerCase() + " to an expression in "
                        + names(arg.variables()));
            }
            return Polynomial.constant(f.applyAsDouble(constantOf(arg)));
        }
        if (t == ASTNode.Type.FUNCTION_LOG && n.getChildCount() == 2) {
            double base = constant(n, walk(n.getChild(0), r), "log");
            double x = constant(n, walk(n.getChild(1), r), "log");
            return Polynomial.constant(Math.log(x) / Math.log(base));
        }
        if ((t == ASTNode.Type.FUNCTION_MIN || t == ASTNode.Type.FUNCTION_MAX || t == ASTNode.Type.FUNCTION_QUOTIENT
                || t == ASTNode.Type.FUNCTION_REM) && n.getChildCount() >= 1) {
            double acc = Double.NaN;
            for (int i = 0; i < n.getChildCount(); i++) {
                double v = constant(n, walk(n.getChild(i), r), t.name().substring(9).toLowerCase());
                if (i == 0) {
                    acc = v;
                } else if (t == ASTNode.Type.FUNCTION_MIN) {
                    acc = Math.min(acc, v);
                } else if (t == ASTNode.Type.FUNCTION_MAX) {
                    acc = Math.max(acc, v);
                } else if (t == ASTNode.Type.FUNCTION_QUOTIENT) {
                    acc = Math.floor(acc / v);
                } else {
                    acc = acc % v;
                }
            }
            return Polynomial.constant(acc);
        }
        if (t.name().startsWith("LOGICAL_") || t.name().startsWith("RELATIONAL_") || t == ASTNode.Type.CONSTANT_TRUE
                || t == ASTNode.Type.CONSTANT_FALSE) {
            throw new Failure(Diagnostic.Kind.UNSUPPORTED, n,
                    "logical or relational expression '" + formula(n) + "' is not supported");
        }
        throw new Failure(Diagnostic.Kind.UNSUPPORTED, n,
                "MathML element " + t + " is not supported: '" + formula(n) + "'");
    }

    private double constant(ASTNode n, Polynomial p, String what) {
        if (!p.isConstant()) {
            throw new Failure(Diagnostic.Kind.NOT_POLYNOMIAL, n,
                    "'" + formula(n) + "' applies " + what + " to an expression in " + names(p.variables()));
        }
        return constantOf(p);
    }

    private Polynomial name(ASTNode n, Resolver r) {
        String id = n.getName();
        if (!frames.isEmpty()) {
            // a function body sees only its own arguments
            Polynomial bound = frames.peek().get(id);
            if (bound != null) {
                return bound;
            }
            throw new Failure(Diagnostic.Kind.SEMANTIC, n,
                    "'" + id + "' is not an argument of function '" + calls.peek() + "'");
        }
        return r.resolve(id, n);
    }

    private Polynomial divide(ASTNode n, Resolver r) {
        Polynomial num = walk(n.getChild(0), r);
        Polynomial den = walk(n.getChild(1), r);
        if (!den.isConstant()) {
            throw new Failure(Diagnostic.Kind.NOT_POLYNOMIAL, n, "'" + formula(n) + "' divides by '"
                    + formula(n.getChild(1)) + "', which depends on " + names(den.variables()));
        }
        double d = constantOf(den);
        if (d == 0) {
            throw new Failure(Diagnostic.Kind.SEMANTIC, n, "'" + formula(n) + "' divides by zero");
        }
        return num.scale(1 / d);
    }

    private Polynomial power(ASTNode n, Polynomial base, Polynomial exponent) {
        if (!exponent.isConstant()) {
            throw new Failure(Diagnostic.Kind.NOT_POLYNOMIAL, n, "'" + formula(n)
                    + "' has an exponent that depends on " + names(exponent.variables()));
        }
        double e = constantOf(exponent);
        if (base.isConstant()) {
            return Polynomial.constant(Math.pow(constantOf(base), e));
        }
        if (e < 0 || e != Math.rint(e)) {
            throw new Failure(Diagnostic.Kind.NOT_POLYNOMIAL, n, "'" + formula(n) + "' raises an expression in "
                    + names(base.variables()) + " to the power " + e + " (not a non-negative integer)");
        }
        if (e > MAX_EXPONENT) {
            throw new Failure(Diagnostic.Kind.UNSUPPORTED, n, "'" + formula(n) + "' raises an expression in "
                    + names(base.variables()) + " to the power " + e + " (at most " + MAX_EXPONENT + " is expanded)");
        }
        return base.pow((int) e);
    }

    private Polynomial root(ASTNode n, Resolver r) {
        double degree = 2;
        ASTNode radicand = n.getChild(n.getChildCount() - 1);
        if (n.getChildCount() == 2) {
            degree = constant(n, walk(n.getChild(0), r), "root");
        }
        double x = constant(n, walk(radicand, r), "root");
        return Polynomial.constant(degree == 2 ? Math.sqrt(x) : Math.pow(x, 1 / degree));
    }

    private Polynomial call(ASTNode n, Resolver r) {
        String id = n.getName();
        FunctionDefinition fd = model == null ? null : model.getFunctionDefinition(id);
        if (fd == null || !fd.isSetMath()) {
            throw new Failure(Diagnostic.Kind.SEMANTIC, n, "call of undefined function '" + id + "'");
        }
        if (calls.contains(id)) {
            throw new Failure(Diagnostic.Kind.SEMANTIC, n, "function '" + id + "' calls itself");
        }
        int k = fd.getArgumentCount();
        if (k != n.getChildCount()) {
            throw new Failure(Diagnostic.Kind.SEMANTIC, n, "function '" + id + "' takes " + k
                    + " arguments but is called with " + n.getChildCount() + ": '" + formula(n) + "'");
        }
        Map<String, Polynomial> frame = new HashMap<>();
        for (int i = 0; i < k; i++) {
            frame.put(fd.getArgument(i).getName(), walk(n.getChild(i), r));
        }
        frames.push(frame);
        calls.push(id);
        try {
            return walk(fd.getBody(), r);
        } catch (Failure f) {
            throw f.function != null ? f : new Failure(f.kind, f.node, f.getMessage(), id);
        } finally {
            frames.pop();
            calls.pop();
        }
    }

    private static DoubleUnaryOperator elementary(ASTNode.Type t) {
        switch (t) {
            case FUNCTION_ABS: return Math::abs;
            case FUNCTION_EXP: return Math::exp;
            case FUNCTION_LN: return Math::log;
            case FUNCTION_LOG: return Math::log10;
            case FUNCTION_FLOOR: return Math::floor;
            case FUNCTION_CEILING: return Math::ceil;
            case FUNCTION_SIN: return Math::sin;
            case FUNCTION_COS: return Math::cos;
            case FUNCTION_TAN: return Math::tan;
            case FUNCTION_SINH: return Math::sinh;
            case FUNCTION_COSH: return Math::cosh;
            case FUNCTION_TANH: return Math::tanh;
            case FUNCTION_ARCSIN: return Math::asin;
            case FUNCTION_ARCCOS: return Math::acos;
            case FUNCTION_ARCTAN: return Math::atan;
            case FUNCTION_SEC: return x -> 1 / Math.cos(x);
            case FUNCTION_CSC: return x -> 1 / Math.sin(x);
            case FUNCTION_COT: return x -> 1 / Math.tan(x);
            case FUNCTION_FACTORIAL: return SbmlMath::factorial;
            default: return null;
        }
    }

    private static double factorial(double x) {
        double f = 1;
        for (int i = 2; i <= x; i++) {
            f *= i;
        }
        return f;
    }
}
