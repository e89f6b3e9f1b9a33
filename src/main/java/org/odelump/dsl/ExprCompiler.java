package org.odelump.dsl;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.Token;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;
import org.odelump.model.Polynomial;
import org.odelump.symbolic.NameResolver;
import org.odelump.symbolic.Symbolic;

/**
 * Compiles one expression of the parse tree: builds its {@link Expr} (fast, without positions) and converts it.
 * An already expanded polynomial is converted natively ({@link PolyConverter}); for drifts and rates anything else
 * goes through {@link Symbolic#expand}. On failure the expression is rebuilt with positions, and the native
 * converter names the exact offending sub-expression and the reason.
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
    Compiled compile(OdeLumpParser.ExprContext ctx, NameResolver scope, UndeclaredHandler undeclared,
                     Function<String, String> undeclaredMessage) {
        return compile(ctx, scope, undeclared, undeclaredMessage, false);
    }

    /**
     * As above; with {@code viaSymbolic}, an input that is not already an expanded polynomial is expanded by
     * {@link Symbolic#expand} (exact arithmetic, rounded once), and the native converter only locates its errors.
     */
    Compiled compile(OdeLumpParser.ExprContext ctx, NameResolver scope, UndeclaredHandler undeclared,
                     Function<String, String> undeclaredMessage, boolean viaSymbolic) {
        Expr e = exprs.build(ctx, null);
        while (true) {
            try {
                if (viaSymbolic) {
                    return new Compiled(e, read(e, scope));
                }
                return new Compiled(e, new PolyConverter(scope).convert(e));
            } catch (ExprFailure f) {
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

    /**
     * A drift or rate expression as the parser reads it: an expanded polynomial natively, anything else by
     * {@link Symbolic#expand} (exact arithmetic, rounded once).
     *
     * @throws ExprFailure when it is not a polynomial in the scope's variables
     */
    static Polynomial read(Expr e, NameResolver scope) {
        try {
            return new PolyConverter(scope, true).convert(e);
        } catch (PolyConverter.NotExpanded notExpanded) {
            // the native converter first: it rejects non-polynomials with a reason, without Symja
            Polynomial nat = new PolyConverter(scope).convert(e);
            Polynomial p = trySymbolic(e, scope);
            return p != null ? p : nat;
        }
    }

    /** A constant: compiles in {@code scope} and requires a number. */
    double constant(OdeLumpParser.ExprContext ctx, NameResolver scope, Function<String, String> undeclaredMessage) {
        Polynomial p = compile(ctx, scope, null, undeclaredMessage).polynomial();
        if (!p.isConstant()) {
            throw loc.error(ctx.start, Kind.SEMANTIC, "expected a constant expression");
        }
        return p.isZero() ? 0 : p.coefficient(0);
    }

    private static Polynomial trySymbolic(Expr e, NameResolver scope) {
        try {
            Polynomial p = Symbolic.expand(e, scope);
            for (int t = 0; t < p.size(); t++) {
                if (!Double.isFinite(p.coefficient(t))) {
                    return null;
                }
            }
            return p;
        } catch (RuntimeException | StackOverflowError ex) {
            return null; // not a polynomial, or refused: the native converter reports where and why
        }
    }
}
