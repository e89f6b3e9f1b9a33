package org.odelump.symbolic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.odelump.model.Expr;

/**
 * Builds a Symja expression from an {@link Expr} through Symja's Java API only. DSL names never reach Symja:
 * a variable becomes a private dummy symbol {@code v$<index>}, a kept parameter a dummy {@code p$<index>}, and
 * any other parameter its value. Dummy symbols are not interned in Symja's symbol table, so {@code gamma},
 * {@code pi}, {@code E}, {@code I}, {@code D} or {@code x_1} cannot turn into built-ins or patterns.
 *
 * <p>Number literals and parameter values become exact rationals taken from their shortest decimal form
 * ({@code 0.1} is 1/10), so {@code 0.1 + 0.2 - 0.3} cancels exactly and integer inputs stay integers. One
 * converter serves one call.
 */
final class ToSymja {

    /** DSL functions accepted on constant arguments, and their Symja counterparts. */
    private static final Map<String, Function<List<IExpr>, IExpr>> FUNCTIONS = Map.ofEntries(
            Map.entry("exp", unary(F::Exp)),
            Map.entry("log", unary(F::Log)),
            Map.entry("ln", unary(F::Log)),
            Map.entry("sqrt", unary(F::Sqrt)),
            Map.entry("sin", unary(F::Sin)),
            Map.entry("cos", unary(F::Cos)),
            Map.entry("tan", unary(F::Tan)),
            Map.entry("asin", unary(F::ArcSin)),
            Map.entry("acos", unary(F::ArcCos)),
            Map.entry("atan", unary(F::ArcTan)),
            Map.entry("sinh", unary(F::Sinh)),
            Map.entry("cosh", unary(F::Cosh)),
            Map.entry("tanh", unary(F::Tanh)),
            Map.entry("abs", unary(F::Abs)),
            Map.entry("min", args -> appendAll(F.Min(), args)),
            Map.entry("max", args -> appendAll(F.Max(), args)));

    /** Names this class gives its dummy symbols: {@code v$<variable index>}, {@code p$<kept index>}. */
    private static final Pattern DUMMY_NAME = Pattern.compile("[vp]\\$\\d+");

    private final NameResolver resolver;
    private final List<String> keptNames;
    private final Map<Integer, ISymbol> variables = new HashMap<>();
    private final Map<Integer, ISymbol> kept = new HashMap<>();
    private final Map<String, String> dummyToName = new HashMap<>();

    /**
     * @param keptNames parameters kept symbolic, in the order that defines their indices
     */
    ToSymja(NameResolver resolver, List<String> keptNames) {
        this.resolver = resolver;
        this.keptNames = keptNames;
    }

    /** The Symja form of {@code e}. */
    IExpr convert(Expr e) {
        if (e instanceof Expr.Num n) {
            return exact(n.value(), "number literal");
        }
        if (e instanceof Expr.Ref r) {
            return ref(r.name());
        }
        if (e instanceof Expr.Neg n) {
            return F.Negate(convert(n.operand()));
        }
        if (e instanceof Expr.Binary b) {
            IExpr l = convert(b.left());
            IExpr r = convert(b.right());
            return switch (b.op()) {
                case ADD -> F.Plus(l, r);
                case SUB -> F.Subtract(l, r);
                case MUL -> F.Times(l, r);
                case DIV -> F.Divide(l, r);
                case POW -> F.Power(l, r);
            };
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        throw new IllegalArgumentException("unsupported expression: " + e);
    }

    /** The variable with this index, if it occurred, as a dummy symbol. */
    Map<Integer, ISymbol> variableSymbols() {
        return variables;
    }

    /** The kept parameters that occurred, by index into the kept names. */
    Map<Integer, ISymbol> keptSymbols() {
        return kept;
    }

    /** Symja's text of {@code e} with dummy symbols replaced by the DSL names, for error messages. */
    String describe(IExpr e) {
        StringBuilder sb = new StringBuilder();
        Matcher m = DUMMY_NAME.matcher(e.toString());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(dummyToName.getOrDefault(m.group(), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The DSL name behind a dummy symbol (or the symbol's own name). */
    String nameOf(ISymbol s) {
        return dummyToName.getOrDefault(s.getSymbolName(), s.getSymbolName());
    }

    private IExpr ref(String name) {
        int k = keptNames.indexOf(name);
        if (k >= 0) {
            return kept.computeIfAbsent(k, i -> dummy("p$" + i, name));
        }
        int v = resolver.variableIndex(name);
        if (v >= 0) {
            return variables.computeIfAbsent(v, i -> dummy("v$" + i, name));
        }
        Double value = resolver.parameterValue(name);
        if (value != null) {
            return exact(value, "value of parameter '" + name + "'");
        }
        throw new IllegalArgumentException("unknown name '" + name + "': neither a variable nor a parameter");
    }

    private ISymbol dummy(String symbolName, String dslName) {
        dummyToName.put(symbolName, dslName);
        return F.Dummy(symbolName);
    }

    private IExpr call(Expr.Call c) {
        String f = c.function();
        if (f.equals("pow")) {
            requireArity(c, 2);
            return F.Power(convert(c.args().get(0)), convert(c.args().get(1)));
        }
        Function<List<IExpr>, IExpr> builder = FUNCTIONS.get(f);
        if (builder == null) {
            throw new IllegalArgumentException("unknown function '" + f + "'");
        }
        if (!f.equals("min") && !f.equals("max")) {
            requireArity(c, 1);
        } else if (c.args().isEmpty()) {
            throw new IllegalArgumentException("function '" + f + "' needs at least one argument");
        }
        for (Expr a : c.args()) {
            String symbolic = firstSymbolicName(a);
            if (symbolic != null) {
                throw new IllegalArgumentException("not a polynomial: function '" + f + "' is applied to '" + symbolic
                        + "'; only constants may appear inside functions");
            }
        }
        List<IExpr> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(convert(a));
        }
        return builder.apply(args);
    }

    /** The first variable or kept parameter named in {@code e}, or null. */
    private String firstSymbolicName(Expr e) {
        if (e instanceof Expr.Ref r) {
            String n = r.name();
            return keptNames.contains(n) || resolver.variableIndex(n) >= 0 ? n : null;
        }
        if (e instanceof Expr.Neg n) {
            return firstSymbolicName(n.operand());
        }
        if (e instanceof Expr.Binary b) {
            String l = firstSymbolicName(b.left());
            return l != null ? l : firstSymbolicName(b.right());
        }
        if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                String n = firstSymbolicName(a);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private static void requireArity(Expr.Call c, int n) {
        if (c.args().size() != n) {
            throw new IllegalArgumentException("function '" + c.function() + "' takes " + n + " argument"
                    + (n == 1 ? "" : "s") + ", got " + c.args().size());
        }
    }

    /** The exact rational with the shortest decimal expansion that reads back as {@code v}. */
    static IExpr exact(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is not finite: " + v);
        }
        Rational r = Rational.ofDecimal(v);
        return r.isInteger() ? F.ZZ(r.num()) : F.QQ(F.ZZ(r.num()), F.ZZ(r.den()));
    }

    private static IExpr appendAll(IASTAppendable head, List<IExpr> args) {
        args.forEach(head::append);
        return head;
    }

    private static Function<List<IExpr>, IExpr> unary(Function<IExpr, IExpr> f) {
        return args -> f.apply(args.get(0));
    }
}
