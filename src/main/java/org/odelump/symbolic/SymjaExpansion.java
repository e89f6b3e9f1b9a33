package org.odelump.symbolic;

import java.util.List;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.odelump.model.Expr;

/**
 * The Symja half of {@link Symbolic#expandKeeping}: kept apart so that {@link Symbolic}, which every model with
 * a non-expanded drift loads, references no Symja type and a model expanded natively loads no Symja class.
 */
final class SymjaExpansion {

    private SymjaExpansion() {
    }

    /** Expands {@code expr} in {@code engine}; {@code kept} are the parameters kept symbolic, sorted. */
    static SymbolicPolynomial expand(EvalEngine engine, Expr expr, NameResolver resolver, List<String> kept) {
        try {
            ToSymja in = new ToSymja(resolver, kept);
            IExpr expanded = engine.evaluate(F.Expand(in.convert(expr)));
            return SymbolicPolynomial.of(kept, new FromSymja(engine, in).terms(expanded));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // Symja's own failures: size limits, recursion limits
            throw new IllegalArgumentException("Symja could not expand the expression: " + e, e);
        }
    }
}
