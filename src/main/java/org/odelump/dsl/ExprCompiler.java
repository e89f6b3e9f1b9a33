package org.odelump.dsl;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.Token;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;
import org.odelump.model.Polynomial;
import org.odelump.symbolic.NameResolver;
import org.odelump.symbolic.Symbolic;

/**
 * Compiles one expression of the parse tree: builds its {@link Expr} (fast, without positions), converts it with
 * {@link PolyConverter}, and on failure rebuilds it with positions to report the exact offending sub-expression.
 * A division that might cancel is handed to {@link Symbolic#expand} before it is reported as not polynomial.
 */
final class ExprCompiler {

    /** What to do with a name that resolves to nothing: return true after declaring it, false to fail. */
    interface UndeclaredHandler {
        boolean declare(String name, Token at);
    }

    /** The result: the source expression and its polynomial. */
    record Compiled(Expr source, Polynomial polynomial) {
    }

    private final Located loc;
    private final ExprBuilder exprs;

    ExprCompiler(Located loc, ExprBuilder exprs) {
        this.loc = loc;
        this.exprs = exprs;
    }

    ExprBuilder exprs() {
        return exprs;
    }

    /**
     * Compiles {@code ctx} in {@code scope}. {@code undeclared} may declare unknown names (then the conversion is
     * retried); {@code undeclaredMessage} words the error for a name it did not declare.
     */
    Compiled compile(OdeLumpParser.ExprContext ctx, PolyConverter.Scope scope, UndeclaredHandler undeclared,
                     Function<String, String> undeclaredMessage) {
        Expr e = exprs.build(ctx, null);
        while (true) {
            PolyConverter conv = new PolyConverter(scope);
            try {
                return new Compiled(e, conv.convert(e));
            } catch (ExprFailure f) {
                if (f.kind() == Kind.NOT_POLYNOMIAL && conv.mayCancel()) {
                    Polynomial p = trySymbolic(e, scope);
                    if (p != null) {
                        return new Compiled(e, p);
                    }
                }
                Map<Expr, Token> pos = new IdentityHashMap<>();
                Expr located = exprs.build(ctx, pos);
                ExprFailure g;
                try {
                    new PolyConverter(scope).convert(located);
                    throw new IllegalStateException("conversion is not deterministic");
                } catch (ExprFailure again) {
                    g = again;
                }
                Token at = pos.getOrDefault(g.node(), ctx.start);
                if (g.reason() == ExprFailure.Reason.UNDECLARED) {
                    if (undeclared != null && undeclared.declare(g.getMessage(), at)) {
                        continue;
                    }
                    throw loc.error(at, Kind.SEMANTIC, undeclaredMessage.apply(g.getMessage()));
                }
                String msg = g.getMessage();
                if (g.kind() == Kind.NOT_POLYNOMIAL) {
                    msg = msg + ": " + ExprPrinter.brief(g.node(), 60);
                }
                throw loc.error(at, g.kind(), msg);
            }
        }
    }

    /** A constant: compiles in {@code scope} and requires a number. */
    double constant(OdeLumpParser.ExprContext ctx, PolyConverter.Scope scope, Function<String, String> undeclaredMessage) {
        Polynomial p = compile(ctx, scope, null, undeclaredMessage).polynomial();
        if (!p.isConstant()) {
            throw loc.error(ctx.start, Kind.SEMANTIC, "expected a constant expression");
        }
        return p.isZero() ? 0 : p.coefficient(0);
    }

    private static Polynomial trySymbolic(Expr e, PolyConverter.Scope scope) {
        try {
            return Symbolic.expand(e, new NameResolver() {
                @Override
                public int variableIndex(String name) {
                    return scope.variableIndex(name);
                }

                @Override
                public Double parameterValue(String name) {
                    return scope.parameterValue(name);
                }
            });
        } catch (RuntimeException | StackOverflowError ex) {
            return null; // not merged, or not a polynomial after all: report the native reason
        }
    }

    /** Diagnostic helper for callers. */
    Diagnostic warning(Token at, String message) {
        return loc.at(at, Kind.WARNING, message);
    }

    static String list(List<String> names) {
        return String.join(", ", names);
    }
}
